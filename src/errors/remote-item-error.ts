import { type ErrorCategory, QuireError } from './quire-error.js';

/**
 * An item that a queue worker ran and could not finish, as the worker reported it: the code,
 * category and message of the error it hit (a refused API key, a model that kept failing), so
 * the producer records it as a local run would.
 */
export class RemoteItemError extends QuireError {
  readonly code: string;
  readonly category: ErrorCategory;

  constructor({
    code,
    category,
    message,
  }: {
    code: string;
    category: ErrorCategory;
    message: string;
  }) {
    super(message);
    this.code = code;
    this.category = category;
  }
}
