import { resolve } from 'node:path';
import { fileLimits } from '../../config/limits.js';
import { readTextFile } from '../read-text-file.js';
import { parseRubricFile } from './parse-rubric-file.js';
import type { Rubric } from './rubric.js';

/** Reads and validates a rubric file (`--rubric`). Throws `InputFileError` with the first problem. */
export async function readRubricFile({
  path,
  cwd = process.cwd(),
}: {
  path: string;
  cwd?: string;
}): Promise<Rubric> {
  const text = await readTextFile({
    path: resolve(cwd, path),
    shownAs: path,
    what: 'Rubric file',
    maxBytes: fileLimits.taskFile,
  });
  return parseRubricFile({ text, file: path });
}
