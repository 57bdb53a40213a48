import { QuireError } from './quire-error.js';

/**
 * A simulated-model option (`sim:<key>=<value>,…`, a `quire sim serve` flag, or a
 * `createSimModel` field) that is unknown or has a value of the wrong form. The message names the
 * option, says what was expected and lists every valid option.
 */
export class SimOptionError extends QuireError {
  readonly code = 'sim-option';
  readonly category = 'input';
  /** The option as the user wrote it, e.g. `ttft`. */
  readonly option: string;
  /** The value as received, when there was one. */
  readonly received: string | undefined;

  constructor({
    message,
    option,
    received,
    cause,
  }: {
    message: string;
    option: string;
    received?: string;
    cause?: unknown;
  }) {
    super(message, { cause });
    this.option = option;
    this.received = received;
  }
}
