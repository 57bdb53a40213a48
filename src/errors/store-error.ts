import { QuireError } from './quire-error.js';

/** A file of a run directory that could not be written or read (disk full, read-only, …). */
export class StoreError extends QuireError {
  readonly code = 'store';
  readonly category = 'failure';
  readonly path: string;
  /** The operating system's error code, e.g. `EACCES`, `ENOSPC`. */
  readonly systemCode: string | undefined;

  constructor({
    message,
    path,
    systemCode,
    cause,
  }: { message: string; path: string; systemCode?: string; cause?: unknown }) {
    super(message, { cause });
    this.path = path;
    this.systemCode = systemCode;
  }
}
