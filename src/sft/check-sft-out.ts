import { access } from 'node:fs/promises';
import { InputFileError } from '../errors/input-file-error.js';
import { type SftPaths, sftPaths } from './sft-paths.js';

/**
 * Refuses a Parquet output that exists without the journal it is made from: not quire's, or
 * its journal is gone; either way a run would overwrite it.
 */
export async function checkSftOut({
  paths,
  shownAs,
}: {
  paths: SftPaths;
  /** The output as the user wrote it, for the message. */
  shownAs: string;
}): Promise<void> {
  if (paths.records === paths.out) return;
  if (!(await exists(paths.out)) || (await exists(paths.records))) return;
  throw new InputFileError({
    message: `${shownAs} exists but ${sftPaths(shownAs).records}, the journal quire sft makes it from, does not: choose another --out (quire does not overwrite a file it cannot continue).`,
    file: shownAs,
    problem: 'invalidContent',
  });
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
