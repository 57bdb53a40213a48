import { formatCount } from './progress/format-duration.js';

/** ` (N reasoning)` after the output tokens when the model thought, else nothing. */
export function thinkingNote({ reasoningTokens }: { reasoningTokens: number }): string {
  return reasoningTokens > 0 ? ` (${formatCount(reasoningTokens)} reasoning)` : '';
}
