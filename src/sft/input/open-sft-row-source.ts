import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { InputFileError } from '../../errors/input-file-error.js';
import { refusedKind } from '../../util/read-file-bounded.js';
import { csvRowSource } from './csv-row-source.js';
import { jsonlRowSource } from './jsonl-row-source.js';
import { parquetRowSource } from './parquet-row-source.js';
import type { SftRowSource } from './sft-row-source.js';

/**
 * Opens an instructions file for reading rows, by its extension: `.parquet`, `.csv`, anything
 * else JSONL. Refuses, with an `InputFileError` that says what to do, a path that does not
 * exist, a directory, and an empty file.
 */
export async function openSftRowSource({
  path,
  shownAs,
  what = 'Instructions file',
}: {
  path: string;
  shownAs: string;
  what?: string;
}): Promise<SftRowSource> {
  const stats = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new InputFileError({
      message:
        error.code === 'ENOENT'
          ? `${what} ${shownAs} does not exist: check the path.`
          : `Cannot read ${what.toLowerCase()} ${shownAs} (${error.code ?? error.message}): check its permissions.`,
      file: shownAs,
      problem: error.code === 'ENOENT' ? 'missing' : 'unreadable',
      cause: error,
    });
  });
  if (stats.isDirectory()) {
    throw new InputFileError({
      message: `${what} ${shownAs} is a directory, not a file.`,
      file: shownAs,
      problem: 'unreadable',
    });
  }
  const refused = refusedKind(stats);
  if (refused !== undefined && !refused.ok) {
    throw new InputFileError({
      message: `${what} ${shownAs} ${refused.detail}: pass the file itself.`,
      file: shownAs,
      problem: 'unreadable',
    });
  }
  if (stats.size === 0) {
    throw new InputFileError({
      message: `${what} ${shownAs} is empty.`,
      file: shownAs,
      problem: 'empty',
    });
  }
  switch (extname(path).toLowerCase()) {
    case '.parquet':
      return parquetRowSource({ path, shownAs });
    case '.csv':
      return csvRowSource({ path, shownAs });
    default:
      return jsonlRowSource({ path, shownAs, what });
  }
}
