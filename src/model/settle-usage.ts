import type { LanguageModelUsage } from 'ai';
import type { TokenCounter } from './tokens/token-counter.js';
import type { CallUsage } from './usage-meter.js';

/**
 * The usage of one reply: as the server reported it, or, where it reported none (some local
 * servers never do, others only when streaming usage is honoured), counted by quire: the prompt
 * it sent and the reply it received, thinking included, marked `estimated` with the tokenizer
 * used. Pure.
 */
export function settleUsage({
  reported,
  sentTokens,
  replyText,
  reasoning = '',
  counter,
}: {
  reported: LanguageModelUsage | undefined;
  /** quire's count of the prompt sent. */
  sentTokens: number;
  /** Everything the reply produced: its text and its tool calls written out. */
  replyText: string;
  /** The thinking the reply sent apart from its text, billed as output too. */
  reasoning?: string;
  counter: TokenCounter;
}): CallUsage {
  const inputTokens = reported?.inputTokens;
  const outputTokens = reported?.outputTokens;
  const cachedInputTokens = reported?.inputTokenDetails?.cacheReadTokens ?? 0;
  const reasoningTokens = reported?.outputTokenDetails?.reasoningTokens;
  if (inputTokens !== undefined && outputTokens !== undefined) {
    return { inputTokens, outputTokens, cachedInputTokens, reasoningTokens: reasoningTokens ?? 0 };
  }
  const thinkingTokens = reasoningTokens ?? (reasoning === '' ? 0 : counter.count(reasoning));
  return {
    inputTokens: inputTokens ?? sentTokens,
    outputTokens: outputTokens ?? counter.count(replyText) + thinkingTokens,
    cachedInputTokens,
    reasoningTokens: thinkingTokens,
    estimated: { calls: 1, tokenizer: counter.name },
  };
}
