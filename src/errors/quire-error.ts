/**
 * How an error is reported to the user. The CLI entry maps these to exit codes; nothing else does.
 * - `input`: the user must change an argument, a file or the configuration (exit 2).
 * - `failure`: quire tried and could not finish (exit 1).
 * - `interrupted`: the run was stopped on purpose and can be resumed (exit 130).
 */
export type ErrorCategory = 'input' | 'failure' | 'interrupted';

/** Base of every error quire throws on purpose. Its message is one line: what, why, how to fix. */
export abstract class QuireError extends Error {
  /** A stable identifier, safe to match on. */
  abstract readonly code: string;
  abstract readonly category: ErrorCategory;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }

  /** True when `error` is any quire error, even one from another copy of the package. */
  static isQuireError(error: unknown): error is QuireError {
    return (
      error instanceof Error &&
      typeof (error as Partial<QuireError>).code === 'string' &&
      typeof (error as Partial<QuireError>).category === 'string'
    );
  }
}
