import { QuireError } from './quire-error.js';

/** One item of a batch that could not be finished, and why. */
export interface BatchFailure {
  id: string;
  /** The error's stable code, or `unexpected`. */
  code: string;
  message: string;
}

/**
 * A batch command (`quire bench …`, `quire sft`) finished every item it could, but some failed
 * (a model call that kept failing, a plan that could not be made). What finished is saved; the
 * same command run again retries only the failed items.
 */
export class BatchIncompleteError extends QuireError {
  readonly code = 'batch-incomplete';
  readonly category = 'failure';
  readonly failures: readonly BatchFailure[];
  readonly total: number;

  constructor({
    command,
    failures,
    total,
  }: {
    /** The command to run again, as the user typed it, e.g. `quire sft data.jsonl --out x`. */
    command: string;
    failures: readonly BatchFailure[];
    total: number;
  }) {
    const first = failures[0];
    super(
      `${failures.length} of ${total} items failed (first: ${first?.id}: ${first?.message.slice(0, 160)}); the others are saved. Run ${command} again to retry the failed ones.`,
    );
    this.failures = failures;
    this.total = total;
  }
}
