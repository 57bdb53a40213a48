import { QuireError } from './quire-error.js';

/** What went wrong with the job queue. */
export type QueueProblem = 'url' | 'unreachable' | 'job-format' | 'job-lost';

/**
 * The Redis job queue of `--queue` / `quire worker` could not be used: an address that is not a
 * Redis URL, a server that cannot be reached, a job whose format this quire does not know, or a
 * job that no worker could finish. URLs in the message are shown with their password redacted.
 */
export class QueueError extends QuireError {
  readonly code = 'queue';
  readonly category;
  readonly problem: QueueProblem;

  constructor({
    problem,
    message,
    cause,
  }: {
    problem: QueueProblem;
    message: string;
    cause?: unknown;
  }) {
    super(message, { cause });
    this.problem = problem;
    this.category = problem === 'url' ? ('input' as const) : ('failure' as const);
  }
}
