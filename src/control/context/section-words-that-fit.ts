import type { ContextWindow } from '../../model/context/context-window.js';

/** Tokens a step's prompt takes besides the request when trimmed: instructions, outline, ledger. */
const instructionTokens = 700;
/** Reply tokens a section's limit allows per word (see the step's output allowance). */
const replyTokensPerWord = 2.5;

/**
 * The largest section the plan should hold so that one reply can write it inside the context
 * window, beside the request, quire's instructions and the model's room to think: the configured `maxSectionWords`, lowered
 * for a small window, never below twice `minSectionWords` (a section that still does not fit in
 * one reply is finished by continuations). Pure.
 */
export function sectionWordsThatFit({
  window,
  request,
  thinkingTokens = 0,
  maxSectionWords,
  minSectionWords,
}: {
  window: ContextWindow | undefined;
  request: string;
  /** Output tokens each reply gets for thinking before it answers (see `thinkingAllowance`). */
  thinkingTokens?: number | undefined;
  maxSectionWords: number;
  minSectionWords: number;
}): number {
  if (window === undefined) return maxSectionWords;
  const room = window.budget() - window.counter.count(request) - instructionTokens - thinkingTokens;
  const fitting = Math.floor(room / replyTokensPerWord);
  return Math.min(maxSectionWords, Math.max(2 * minSectionWords, fitting));
}
