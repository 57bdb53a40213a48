import { formatShortCount } from './progress/format-short-count.js';

/** ` (N reasoning)` after the output tokens when the model thought, else nothing. */
export function thinkingNote({ reasoningTokens }: { reasoningTokens: number }): string {
  return reasoningTokens > 0 ? ` (${formatShortCount(reasoningTokens)} reasoning)` : '';
}
