import { resolve } from 'node:path';
import type { BenchMode } from '../../bench/bench-mode.js';
import { type BenchManifest, openBenchFolder } from '../../bench/open-bench-folder.js';
import { writeBenchSummary } from '../../bench/write-bench-summary.js';
import { createRunDirectory } from '../../store/create-run-directory.js';
import { lockRunDirectory, type RunDirectoryLock } from '../../store/lock-run-directory.js';
import type { CliIo } from '../cli-io.js';

/**
 * The `--out` folder of a benchmark command, opened and locked for it: the one given (resumed
 * when it holds the same benchmark, mode, model and judge), or a new
 * `<outDir>/<time>-<benchmark>-<mode>`. `fresh` says whether this session started it.
 */
export async function prepareBenchFolder({
  out,
  outDir,
  io,
  manifest,
}: {
  /** `--out` as the user gave it. */
  out: string | undefined;
  /** The configured `outDir`, for a new folder. */
  outDir: string;
  io: CliIo;
  manifest: Omit<BenchManifest, 'quire' | 'createdAt'> & { mode: BenchMode };
}): Promise<{ directory: string; lock: RunDirectoryLock; fresh: boolean }> {
  const directory = out
    ? resolve(io.cwd, out)
    : await createRunDirectory({
        outDir: resolve(io.cwd, outDir),
        request: `${manifest.benchmark} ${manifest.mode}`,
      });
  const lock = await lockRunDirectory({
    directory,
    shownAs: out ?? directory,
    create: true,
    createdByCaller: out === undefined,
  });
  try {
    const { resumed } = await openBenchFolder({ directory, shownAs: out ?? directory, manifest });
    return { directory, lock, fresh: !resumed };
  } catch (error) {
    await lock.discard();
    throw error;
  }
}

/**
 * Saves a benchmark's summary beside its results and shows it: the Markdown tables and where
 * the files are, or with `--json` one JSON object with the paths added.
 */
export async function reportBench({
  io,
  json,
  outDir,
  markdown,
  result,
}: {
  io: CliIo;
  json: boolean;
  outDir: string;
  markdown: string;
  /** What `summary.json` holds. */
  result: object;
}): Promise<void> {
  const paths = await writeBenchSummary({ outDir, markdown, json: result });
  if (json) {
    io.stdout.write(`${JSON.stringify({ ...result, ...paths })}\n`);
    return;
  }
  io.stdout.write(
    `${markdown}\nResults: ${resolve(outDir, 'results.jsonl')}\nSummary: ${paths.markdownPath}, ${paths.jsonPath}\n`,
  );
}
