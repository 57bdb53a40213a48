import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { StoreError } from '../errors/store-error.js';

/** Suffix of the temporary files `writeFileAtomic` creates; a run never keeps one. */
export const temporarySuffix = '.partial';

/**
 * Writes a file so that readers (and a resumed run after a crash) see either the old content or
 * the new one, never a part: write a temporary file beside it, flush it to disk, rename it over.
 */
export async function writeFileAtomic({
  path,
  data,
}: {
  path: string;
  data: string;
}): Promise<void> {
  const temporary = `${path}.${randomBytes(4).toString('hex')}${temporarySuffix}`;
  try {
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => {});
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
