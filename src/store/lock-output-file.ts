import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { acquireLock, type HeldLock } from './acquire-lock.js';
import { storeWriteError } from './write-output-file.js';

/**
 * Takes the lock of an output file that grows over sessions (`quire sft --out data.jsonl`): the
 * lock file `data.jsonl.lock` beside it, as git locks `index` with `index.lock`. Creates the
 * file's folder when needed. Throws `LockHeldError` naming the other writer.
 */
export async function lockOutputFile({
  path,
  shownAs = path,
}: {
  path: string;
  /** The file as the user wrote it, for messages. */
  shownAs?: string;
}): Promise<HeldLock> {
  await mkdir(dirname(path), { recursive: true }).catch((error: unknown) => {
    throw storeWriteError({ path, error });
  });
  return acquireLock({ path: `${path}.lock`, what: shownAs });
}
