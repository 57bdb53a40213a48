import { QuireError } from './quire-error.js';

/** Who holds a lock, as its lock file records it. */
export interface LockHolder {
  pid: number;
  host: string;
  /** ISO time the holder took the lock. */
  startedAt: string;
}

/**
 * Another quire process is writing the same run directory or output file. Only one writer at a
 * time: a second one would write sections twice, lose token counts and overspend budgets.
 */
export class LockHeldError extends QuireError {
  readonly code = 'lock-held';
  readonly category = 'input';
  /** The lock file. */
  readonly lockPath: string;
  /** Undefined when the lock file cannot be read as quire writes it. */
  readonly holder: LockHolder | undefined;

  constructor({
    message,
    lockPath,
    holder,
  }: {
    message: string;
    lockPath: string;
    holder: LockHolder | undefined;
  }) {
    super(message);
    this.lockPath = lockPath;
    this.holder = holder;
  }
}
