import { QuireError } from './quire-error.js';

/**
 * A library function was called with an option it cannot use (a negative length, a window of
 * zero words, …). Thrown before any work starts; the message names the option, what it must be
 * and what was received.
 */
export class InvalidOptionError extends QuireError {
  readonly code = 'invalid-option';
  readonly category = 'input';
  /** The option's name as the caller wrote it, e.g. `required`. */
  readonly option: string;
  readonly received: unknown;

  constructor({
    option,
    expected,
    received,
  }: {
    option: string;
    /** What the option must be, e.g. `a positive number`. */
    expected: string;
    received: unknown;
  }) {
    super(`Option "${option}" must be ${expected}, got ${describe(received)}.`);
    this.option = option;
    this.received = received;
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 80));
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) {
    return String(value);
  }
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}
