import { StoreError } from '../errors/store-error.js';
import { writeFileAtomic } from '../util/write-file-atomic.js';

/**
 * Writes a file quire produces (a run's files, a report, a summary) atomically, as
 * `writeFileAtomic` does; a failure is a `StoreError` saying what to do.
 */
export async function writeOutputFile({
  path,
  data,
}: {
  path: string;
  data: string;
}): Promise<void> {
  try {
    await writeFileAtomic({ path, data });
  } catch (error) {
    throw storeWriteError({ path, error });
  }
}

/** A `StoreError` that says what could not be written and what to do about it. */
export function storeWriteError({ path, error }: { path: string; error: unknown }): StoreError {
  const systemCode = (error as NodeJS.ErrnoException).code;
  const hint =
    systemCode === 'ENOSPC'
      ? 'free some disk space'
      : systemCode === 'EACCES' || systemCode === 'EPERM' || systemCode === 'EROFS'
        ? 'make the run directory writable'
        : 'check the disk and the run directory';
  return new StoreError({
    message: `Cannot write ${path} (${systemCode ?? String(error)}): ${hint}, then resume the run.`,
    path,
    systemCode,
    cause: error,
  });
}
