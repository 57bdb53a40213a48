import { UsageError } from '../errors/usage-error.js';
import { estimateTokens } from '../util/estimate-tokens.js';
import { formatCount } from '../util/format-count.js';

/**
 * Refuses a request too large for the context budget, before anything is written. Every step
 * sends the whole request (the design keeps the full task in each step) next to the plan, the
 * memory, the instruction and room for the reply, so the request may take at most half of
 * `contextTokens`; beyond that the planner would send a prompt the model cannot take, and the
 * steps would have to cut the request itself. Throws `UsageError`. Pure.
 */
export function checkRequestSize({
  request,
  contextTokens,
  setting,
  what = 'request',
  limitName = `${setting} (${formatCount(contextTokens)})`,
  fix = `raise ${setting} if the model's context window allows`,
  count = estimateTokens,
}: {
  request: string;
  /** The step budget in tokens. */
  contextTokens: number;
  /** The config key that holds `contextTokens`, named in the message. */
  setting: string;
  /** What the request is called in the message: "request", "specification". */
  what?: string;
  /** How the budget is named in the message, when not by its setting. */
  limitName?: string;
  /** What to do besides shortening the request. */
  fix?: string;
  /** Counts tokens the way the budget is counted. */
  count?: (text: string) => number;
}): void {
  const tokens = count(request);
  const limit = Math.floor(contextTokens / 2);
  if (tokens <= limit) return;
  throw new UsageError(
    `The ${what} is about ${formatCount(tokens)} tokens, more than half of ${limitName}: each step needs the other half for its instructions and the reply. Shorten it to at most ${formatCount(limit)} tokens (about ${formatCount(limit * 4)} characters), or ${fix}.`,
  );
}
