import type { z } from 'zod';
import { DamagedFileError } from '../errors/damaged-file-error.js';
import { StoreError } from '../errors/store-error.js';
import { readJournal } from '../store/journal.js';

/**
 * Reads the finished items of a results file written with `Journal` (a line cut by a crash is
 * ignored), validated against `schema`, keyed by id. A line that does not match is corruption
 * quire did not cause, and is reported rather than silently redone.
 */
export async function readResultLines<SCHEMA extends z.ZodType<{ id: string }>>({
  path,
  schema,
}: {
  path: string;
  schema: SCHEMA;
}): Promise<Map<string, z.infer<SCHEMA>>> {
  let lines: Array<Record<string, unknown>>;
  try {
    lines = await readJournal(path);
  } catch (error) {
    if (!(error instanceof DamagedFileError) || error.line === undefined) throw error;
    throw new StoreError({
      message: `${path}, line ${error.line}, is not JSON: it was not written by quire; move it away or choose another output.`,
      path,
      systemCode: undefined,
      cause: error,
    });
  }
  const results = new Map<string, z.infer<SCHEMA>>();
  lines.forEach((line, index) => {
    const parsed = schema.safeParse(line);
    if (!parsed.success) {
      throw new StoreError({
        message: `${path}, line ${index + 1}, is not a result quire wrote (${parsed.error.issues[0]?.message}): move the file away or choose another output.`,
        path,
        systemCode: undefined,
      });
    }
    results.set(parsed.data.id, parsed.data);
  });
  return results;
}
