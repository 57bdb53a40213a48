import { mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { RunDirectoryError } from '../errors/run-directory-error.js';
import { slugify } from '../util/slugify.js';
import { lockFileName } from './lock-run-directory.js';

/**
 * Creates the folder of a new run, `<outDir>/<YYYYMMDD-HHMMSS>-<slug of the request>` (UTC, so
 * names sort by time), adding `-2`, `-3`, … when another run started in the same second with
 * the same request took the name: concurrent runs never share a folder. Returns its path.
 */
export async function createRunDirectory({
  outDir,
  request,
  now = Date.now(),
}: {
  outDir: string;
  request: string;
  now?: number;
}): Promise<string> {
  const stamp = new Date(now)
    .toISOString()
    .replace(/\.\d+Z$/, '')
    .replace(/[-:]/g, '')
    .replace('T', '-');
  const base = join(
    outDir,
    `${stamp}-${slugify({ text: request, maxLength: 32, fallback: 'run' })}`,
  );
  try {
    await mkdir(outDir, { recursive: true });
    for (let suffix = 1; ; suffix++) {
      const path = suffix === 1 ? base : `${base}-${suffix}`;
      try {
        await mkdir(path);
        return path;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
  } catch (error) {
    throw new RunDirectoryError({
      message: `Cannot create a run directory in ${outDir} (${(error as NodeJS.ErrnoException).code ?? error}): set a writable "outDir" or pass --out.`,
      directory: outDir,
      problem: 'notWritable',
      cause: error,
    });
  }
}

/**
 * Refuses an `--out` that exists and holds anything (but a lock quire itself took): quire never
 * writes into a foreign folder.
 */
export async function refuseNonEmptyDirectory({
  directory,
  shownAs,
}: {
  directory: string;
  /** The path as the user gave it. */
  shownAs: string;
}): Promise<void> {
  const found = await stat(directory).catch(() => undefined);
  if (found === undefined) return;
  const entries = found.isDirectory() ? await readdir(directory) : [];
  const foreign = entries.filter((name) => !name.startsWith(lockFileName));
  if (!found.isDirectory() || foreign.length > 0) {
    throw new RunDirectoryError({
      message: `--out ${shownAs} exists and is not a quire run: choose a new or empty directory.`,
      directory,
      problem: 'notEmpty',
    });
  }
}
