import type { CallUsage } from '../model/usage-meter.js';
import { QuireError } from './quire-error.js';

/**
 * An attempt of a model call that failed after an earlier request within it had already cost
 * tokens (a reply that thought until its output limit, asked again with more room): the failure
 * as `cause`, with the tokens spent before it. Whatever the failure is (an HTTP error, a refused
 * connection, a timeout), the call layer charges `usage` to the run and hands the cause itself
 * to the retry layer, so a rate limit is still read as one; callers never see this class.
 */
export class ChargedAttemptError extends QuireError {
  readonly code = 'charged-attempt';
  readonly category = 'failure';
  /** Tokens the attempt spent before it failed. */
  readonly usage: CallUsage;

  constructor({ usage, cause }: { usage: CallUsage; cause: unknown }) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`${reason} (after an earlier request of the same attempt had cost tokens)`, { cause });
    this.usage = usage;
  }
}
