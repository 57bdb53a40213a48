import { resolve } from 'node:path';
import { fileLimits } from '../../config/limits.js';
import { readTextFile } from '../read-text-file.js';
import { parseSgtDataset } from './parse-sgt-dataset.js';
import type { SgtItem } from './sgt-item-schema.js';

/** Reads an SGT data file (`Dataset_short.json`, `Dataset_long.json`). Throws `InputFileError`. */
export async function readSgtDataset({
  path,
  cwd = process.cwd(),
}: {
  path: string;
  cwd?: string;
}): Promise<SgtItem[]> {
  const text = await readTextFile({
    path: resolve(cwd, path),
    shownAs: path,
    what: 'SGT data file',
    maxBytes: fileLimits.dataFile,
  });
  return parseSgtDataset({ text, file: path });
}
