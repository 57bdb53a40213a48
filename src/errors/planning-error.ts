import { QuireError } from './quire-error.js';

/**
 * Why planning failed: `unreadable`, no reply could be read as a plan in any form, even when
 * asked once more with the form spelled out (the model's format, which retrying cannot change);
 * `unusable`, plans were read but normalisation could not repair them.
 */
export type PlanningProblem = 'unreadable' | 'unusable';

/** The planner could not produce a usable plan within its attempts. */
export class PlanningError extends QuireError {
  readonly code = 'planning';
  readonly category = 'failure';
  readonly problem: PlanningProblem;
  readonly attempts: number;
  /** The start of the last reply, when it could not be read. */
  readonly excerpt: string | undefined;

  constructor({
    message,
    problem,
    attempts,
    excerpt,
    cause,
  }: {
    message: string;
    problem: PlanningProblem;
    attempts: number;
    excerpt?: string;
    cause?: unknown;
  }) {
    super(message, { cause });
    this.problem = problem;
    this.attempts = attempts;
    this.excerpt = excerpt;
  }
}
