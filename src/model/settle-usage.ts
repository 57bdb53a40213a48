import type { LanguageModelUsage } from 'ai';
import type { TokenCounter } from './tokens/token-counter.js';
import type { CallUsage } from './usage-meter.js';

/**
 * The usage of one reply: as the server reported it, or, where it reported none (some local
 * servers never do, others only when streaming usage is honoured), counted by quire: the prompt
 * it sent and the reply it received, marked `estimated` with the tokenizer used. Pure.
 */
export function settleUsage({
  reported,
  sentTokens,
  replyText,
  counter,
}: {
  reported: LanguageModelUsage | undefined;
  /** quire's count of the prompt sent. */
  sentTokens: number;
  /** Everything the reply produced: its text and its tool calls written out. */
  replyText: string;
  counter: TokenCounter;
}): CallUsage {
  const inputTokens = reported?.inputTokens;
  const outputTokens = reported?.outputTokens;
  const cachedInputTokens = reported?.inputTokenDetails?.cacheReadTokens ?? 0;
  if (inputTokens !== undefined && outputTokens !== undefined) {
    return { inputTokens, outputTokens, cachedInputTokens };
  }
  return {
    inputTokens: inputTokens ?? sentTokens,
    outputTokens: outputTokens ?? counter.count(replyText),
    cachedInputTokens,
    estimated: { calls: 1, tokenizer: counter.name },
  };
}
