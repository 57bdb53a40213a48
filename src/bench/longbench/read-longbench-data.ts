import { resolve } from 'node:path';
import { readJsonLines } from '../../batch/read-json-lines.js';
import { type LongbenchItem, LongbenchRowSchema, toLongbenchItem } from './longbench-item.js';

/**
 * Reads LongBench-Write's JSONL (`prompt`, `type`, `length` per line). Throws `InputFileError`
 * for a missing or unreadable file, and for a bad line, naming its line number. A row repeated
 * word for word (same prompt and length) is kept once; `duplicateLines` lists the others.
 */
export async function readLongbenchData({
  path,
  cwd = process.cwd(),
}: {
  /** As the user wrote it. */
  path: string;
  cwd?: string;
}): Promise<{ items: LongbenchItem[]; duplicateLines: number[] }> {
  const { records } = await readJsonLines({
    path: resolve(cwd, path),
    file: path,
    what: 'LongBench-Write data file',
    schema: LongbenchRowSchema,
    hint: 'each line must be {"prompt": "…", "type": "…", "length": N}',
  });
  const seen = new Set<string>();
  const items: LongbenchItem[] = [];
  const duplicateLines: number[] = [];
  for (const { line, value } of records) {
    const item = toLongbenchItem({ row: value, line });
    if (seen.has(item.id)) {
      duplicateLines.push(line);
      continue;
    }
    seen.add(item.id);
    items.push(item);
  }
  return { items, duplicateLines };
}
