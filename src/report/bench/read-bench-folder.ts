import { join } from 'node:path';
import type { z } from 'zod';
import { benchFiles } from '../../bench/bench-files.js';
import type { BenchManifest } from '../../bench/open-bench-folder.js';
import { readResultLines } from '../../bench/read-result-lines.js';
import { RunDirectoryError } from '../../errors/run-directory-error.js';
import { readBenchManifest } from '../report-target.js';

/** A benchmark folder as its page reads it: what it holds and its result lines. */
export interface BenchFolder<RESULT> {
  directory: string;
  manifest: BenchManifest;
  results: RESULT[];
}

/**
 * Reads a benchmark folder's manifest and its results with the benchmark's own schema and
 * reader (a line cut by a crash is ignored, a foreign line is refused). Reads only.
 */
export async function readBenchFolder<SCHEMA extends z.ZodType<{ id: string }>>({
  directory,
  schema,
}: {
  directory: string;
  schema: SCHEMA;
}): Promise<BenchFolder<z.infer<SCHEMA>>> {
  const manifest = await readBenchManifest(join(directory, benchFiles.manifest));
  if (manifest === undefined) {
    throw new RunDirectoryError({
      message: `${directory} has no bench.json: pass a folder made by quire bench.`,
      directory,
      problem: 'notARun',
    });
  }
  const results = await readResultLines({ path: join(directory, benchFiles.results), schema });
  return { directory, manifest, results: [...results.values()] };
}
