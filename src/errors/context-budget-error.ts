import { QuireError } from './quire-error.js';

/** A step's prompt and reply cannot be made to fit the model's context window. */
export class ContextBudgetError extends QuireError {
  readonly code = 'context-budget';
  readonly category = 'failure';
  /** The prompt, in tokens, after every trim. */
  readonly tokens: number;
  /** The window, in tokens. */
  readonly budget: number;
  /** The reply the step needed room for. */
  readonly outputTokens: number | undefined;

  constructor({
    message,
    tokens,
    budget,
    outputTokens,
    cause,
  }: {
    message: string;
    tokens: number;
    budget: number;
    outputTokens?: number;
    cause?: unknown;
  }) {
    super(message, { cause });
    this.tokens = tokens;
    this.budget = budget;
    this.outputTokens = outputTokens;
  }
}
