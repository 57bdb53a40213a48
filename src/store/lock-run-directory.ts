import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { RunDirectoryError } from '../errors/run-directory-error.js';
import { acquireLock } from './acquire-lock.js';

/** The name of a run (or benchmark) folder's lock file. */
export const lockFileName = 'quire.lock';

/** A run directory this process writes, alone. */
export interface RunDirectoryLock {
  directory: string;
  /** Releases the lock; the directory stays. */
  release(): Promise<void>;
  /**
   * Releases the lock and removes what this session put in the directory (the directory too,
   * when this session created it): for a new run that ended before producing anything.
   */
  discard(): Promise<void>;
}

/**
 * Takes the lock of a run directory, creating the directory first with `create` (an `--out`
 * still to be made). Throws `LockHeldError` naming the other writer, and `RunDirectoryError`
 * for a path that cannot be a directory (a file, a name too long, a read-only parent).
 */
export async function lockRunDirectory({
  directory,
  shownAs = directory,
  create = false,
  createdByCaller = false,
}: {
  directory: string;
  /** The directory as the user wrote it, for messages. */
  shownAs?: string;
  create?: boolean;
  /** The caller has just made the directory (e.g. `createRunDirectory`): `discard` removes it. */
  createdByCaller?: boolean;
}): Promise<RunDirectoryLock> {
  const made = create ? await makeDirectory({ directory, shownAs }) : undefined;
  const created = createdByCaller ? directory : made;
  const entriesBefore = new Set(await readdir(directory).catch(() => [] as string[]));
  let lock: Awaited<ReturnType<typeof acquireLock>>;
  try {
    lock = await acquireLock({ path: join(directory, lockFileName), what: shownAs });
  } catch (error) {
    if (created !== undefined) await rm(created, { recursive: true, force: true });
    throw error;
  }
  return {
    directory,
    release: () => lock.release(),
    discard: async () => {
      await lock.release();
      if (created !== undefined) {
        await rm(created, { recursive: true, force: true });
        return;
      }
      const added = (await readdir(directory)).filter((name) => !entriesBefore.has(name));
      await Promise.all(
        added.map((name) => rm(join(directory, name), { recursive: true, force: true })),
      );
    },
  };
}

/** Makes the directory and missing parents; returns the topmost folder it created. */
async function makeDirectory({
  directory,
  shownAs,
}: {
  directory: string;
  shownAs: string;
}): Promise<string | undefined> {
  try {
    return await mkdir(directory, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'EEXIST'
        ? 'it is a file, not a directory'
        : code === 'ENOTDIR'
          ? 'its path has a file where a folder is needed (ENOTDIR)'
          : code === 'ENAMETOOLONG'
            ? 'its name is too long for the file system (ENAMETOOLONG)'
            : undefined;
    throw new RunDirectoryError({
      message:
        why === undefined
          ? `Cannot create the run directory ${directory} (${code ?? error}): choose a writable --out.`
          : `Cannot use ${shownAs} as a run directory: ${why}; choose another path.`,
      directory,
      problem: why === undefined ? 'notWritable' : 'badPath',
      cause: error,
    });
  }
}
