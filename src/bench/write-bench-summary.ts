import { join } from 'node:path';
import { writeOutputFile } from '../store/write-output-file.js';
import { benchFiles } from './bench-files.js';

/**
 * Writes a benchmark's summary beside its results: `summary.md` (the tables) and
 * `summary.json` (the same numbers, and whatever the caller adds), each atomically. Returns
 * their paths.
 */
export async function writeBenchSummary({
  outDir,
  markdown,
  json,
}: {
  outDir: string;
  markdown: string;
  json: object;
}): Promise<{ markdownPath: string; jsonPath: string }> {
  const markdownPath = join(outDir, benchFiles.summaryMarkdown);
  const jsonPath = join(outDir, benchFiles.summaryJson);
  await writeOutputFile({ path: markdownPath, data: markdown });
  await writeOutputFile({ path: jsonPath, data: `${JSON.stringify(json, null, 2)}\n` });
  return { markdownPath, jsonPath };
}
