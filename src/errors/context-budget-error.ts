import { QuireError } from './quire-error.js';

/** A step's prompt cannot be made to fit the context budget. */
export class ContextBudgetError extends QuireError {
  readonly code = 'context-budget';
  readonly category = 'failure';
  readonly tokens: number;
  readonly budget: number;

  constructor({ message, tokens, budget }: { message: string; tokens: number; budget: number }) {
    super(message);
    this.tokens = tokens;
    this.budget = budget;
  }
}
