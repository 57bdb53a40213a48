import { QuireError } from './quire-error.js';

/** A configuration value that is missing, unknown or of the wrong type. */
export class ConfigError extends QuireError {
  readonly code = 'config';
  readonly category = 'input';
  /** Dotted path of the offending key, e.g. `retry.maxAttempts`. */
  readonly key: string | undefined;
  /** Where the value came from: a file path, `flag` or `environment`. */
  readonly source: string | undefined;

  constructor({
    message,
    key,
    source,
    cause,
  }: { message: string; key?: string; source?: string; cause?: unknown }) {
    super(message, { cause });
    this.key = key;
    this.source = source;
  }
}
