import { basename, extname, resolve } from 'node:path';
import { readJsonLines } from '../../batch/read-json-lines.js';
import { uniqueItemIds } from '../../batch/unique-item-ids.js';
import {
  type LongbenchItem,
  LongbenchPredictionSchema,
  toLongbenchItem,
} from './longbench-item.js';

/**
 * Reads a LongBench-Write predictions file (JSONL of `prompt`, `type`, `length`, `response`,
 * as LongWriter's `pred.py` writes it) into items that carry their answers. Every line is kept,
 * in order (a repeated prompt gets its own id), since the published mean is over every line.
 * `model` is the file's name without extension. Throws `InputFileError`, naming a bad line.
 */
export async function readLongbenchPredictions({
  path,
  cwd = process.cwd(),
}: {
  /** As the user wrote it. */
  path: string;
  cwd?: string;
}): Promise<{ model: string; items: LongbenchItem[] }> {
  const { records } = await readJsonLines({
    path: resolve(cwd, path),
    file: path,
    what: 'LongBench-Write predictions file',
    schema: LongbenchPredictionSchema,
    hint: 'each line must be {"prompt": "…", "type": "…", "length": N, "response": "…"}',
  });
  const items = records.map(({ line, value }) => ({
    ...toLongbenchItem({ row: value, line }),
    response: value.response,
  }));
  const ids = uniqueItemIds(items.map((item) => item.id));
  return {
    model: basename(path, extname(path)),
    items: items.map((item, index) => ({ ...item, id: ids[index] ?? item.id })),
  };
}
