import { QuireError } from './quire-error.js';

/** A command line that cannot be run as given: unknown command or flag, bad flag value. */
export class UsageError extends QuireError {
  readonly code = 'usage';
  readonly category = 'input';
}
