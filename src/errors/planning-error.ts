import { QuireError } from './quire-error.js';

/** The planner could not produce a usable plan within its attempts. */
export class PlanningError extends QuireError {
  readonly code = 'planning';
  readonly category = 'failure';
  readonly attempts: number;

  constructor({ message, attempts }: { message: string; attempts: number }) {
    super(message);
    this.attempts = attempts;
  }
}
