import { UsageError } from '../errors/usage-error.js';
import { estimateTokens } from '../util/estimate-tokens.js';

/**
 * Refuses a request too large for the context budget, before anything is written. Every step
 * sends the whole request (the design keeps the full task in each step) next to the plan, the
 * memory and the instruction, so the request may take at most half of `contextTokens`; beyond
 * that the planner would send a prompt the model cannot take, and the steps would have to cut
 * the request itself. Throws `UsageError`. Pure.
 */
export function checkRequestSize({
  request,
  contextTokens,
  setting,
  what = 'request',
}: {
  request: string;
  /** The step budget in tokens. */
  contextTokens: number;
  /** The config key that holds `contextTokens`, named in the message. */
  setting: string;
  /** What the request is called in the message: "request", "specification". */
  what?: string;
}): void {
  const tokens = estimateTokens(request);
  const limit = Math.floor(contextTokens / 2);
  if (tokens <= limit) return;
  const format = (value: number) => value.toLocaleString('en-US');
  throw new UsageError(
    `The ${what} is about ${format(tokens)} tokens, more than half of ${setting} (${format(contextTokens)}), which each step needs room beside it: shorten it to at most ${format(limit)} tokens (about ${format(limit * 4)} characters), or raise ${setting} if the model's context window allows.`,
  );
}
