import { ModelOutputError } from '../errors/model-output-error.js';
import { estimateTokens } from '../util/estimate-tokens.js';
import { splitOrphanThinking } from './split-orphan-thinking.js';
import type { CallUsage } from './usage-meter.js';

/** A streamed reply's answer and thinking once they are told apart. */
export interface SettledThinking {
  text: string;
  reasoning: string;
  usage: CallUsage;
}

/**
 * Finishes telling a streamed reply's thinking from its answer: takes off thinking whose
 * opening tag the server never sent, and the blank line after thinking; estimates the reasoning
 * tokens of servers that leave the thinking in the content and report none. Throws a retryable
 * `ModelOutputError` when the reply ended inside an unclosed `<think>` block, and a
 * `thinkingExhausted` one when it thought until its output limit and wrote no answer (see
 * `streamAnswer`). Pure.
 */
export function settleThinking({
  text: streamed,
  reasoning: parts,
  unclosed,
  finishReason,
  toolCalls,
  usage: reported,
}: {
  text: string;
  /** The reasoning parts' text. */
  reasoning: string;
  /** True when a thinking block began and never ended. */
  unclosed: boolean;
  finishReason: string | undefined;
  toolCalls: number;
  usage: CallUsage;
}): SettledThinking {
  const orphan = splitOrphanThinking(streamed);
  const reasoning = [parts.trim(), orphan.reasoning].filter(Boolean).join('\n\n');
  const text = reasoning === '' ? orphan.text : orphan.text.replace(/^\s+/, '');
  const usage =
    reported.reasoningTokens === 0 && reasoning !== ''
      ? { ...reported, reasoningTokens: estimateTokens(reasoning) }
      : reported;
  const thought = reasoning !== '' || usage.reasoningTokens > 0;
  const noAnswer = text.trim() === '' && toolCalls === 0;
  if (finishReason === 'length' && (unclosed || (noAnswer && thought))) {
    throw new ModelOutputError({
      message: `the reply spent its whole output limit thinking (${usage.reasoningTokens} reasoning tokens) and wrote no answer`,
      problem: 'thinkingExhausted',
      excerpt: reasoning.slice(-200),
      usage,
    });
  }
  if (unclosed) {
    // Thinking whose block never closed is not an answer, whatever came before it.
    throw new ModelOutputError({
      message: 'the reply ended inside its thinking, before the closing tag',
      problem: 'unclosedThinking',
      excerpt: reasoning.slice(-200),
      usage,
    });
  }
  return { text, reasoning, usage };
}
