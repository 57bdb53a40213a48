import { resolve } from 'node:path';
import { fileLimits } from '../../config/limits.js';
import { readTextFile } from '../read-text-file.js';
import type { ConstraintFile } from './constraint-file-schema.js';
import { parseConstraintFile } from './parse-constraint-file.js';

/** Reads and validates a constraints file. Throws `InputFileError` with the first problem. */
export async function readConstraintFile({
  path,
  cwd = process.cwd(),
}: {
  path: string;
  cwd?: string;
}): Promise<ConstraintFile> {
  const text = await readTextFile({
    path: resolve(cwd, path),
    shownAs: path,
    what: 'Constraints file',
    maxBytes: fileLimits.taskFile,
  });
  return parseConstraintFile({ text, file: path });
}
