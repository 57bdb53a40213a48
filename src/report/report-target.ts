import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { benchFiles } from '../bench/bench-files.js';
import { type BenchManifest, BenchManifestSchema } from '../bench/open-bench-folder.js';
import { InputFileError } from '../errors/input-file-error.js';
import { RunDirectoryError } from '../errors/run-directory-error.js';
import { readRunKind } from '../store/run-store.js';

/** What a report is about; each kind has its own page. */
export type ReportKind = 'write-run' | 'code-run' | BenchManifest['benchmark'] | 'sft';

/** A folder or file a report can be made of, and what it holds. */
export interface ReportTarget {
  kind: ReportKind;
  /** Absolute path. */
  path: string;
  /** As the user wrote it, for messages. */
  shownAs: string;
}

const expected =
  'pass a run directory (quire write or quire code), a benchmark folder (quire bench) or the output file of quire sft';

/**
 * Tells what `path` holds: a run directory by its run.json (write or code), a benchmark folder
 * by its bench.json, or a `.jsonl` file as the output of `quire sft`. Anything else is refused
 * with an `InputFileError` or `RunDirectoryError` that says what is expected.
 */
export async function findReportTarget({
  path,
  cwd,
}: {
  path: string;
  cwd: string;
}): Promise<ReportTarget> {
  const absolute = resolve(cwd, path);
  const stats = await stat(absolute).catch(() => undefined);
  if (stats === undefined) {
    throw new InputFileError({
      message: `${path} does not exist: ${expected}.`,
      file: path,
      problem: 'missing',
    });
  }
  if (stats.isFile()) {
    if (absolute.endsWith('.jsonl')) return { kind: 'sft', path: absolute, shownAs: path };
    throw new InputFileError({
      message: `${path} is a file but not a .jsonl output of quire sft: ${expected}.`,
      file: path,
      problem: 'invalidContent',
    });
  }
  const runKind = await readRunKind(absolute);
  if (runKind !== undefined) {
    return { kind: runKind === 'code' ? 'code-run' : 'write-run', path: absolute, shownAs: path };
  }
  const manifest = await readBenchManifest(join(absolute, benchFiles.manifest));
  if (manifest !== undefined) return { kind: manifest.benchmark, path: absolute, shownAs: path };
  throw new RunDirectoryError({
    message: `${path} holds neither run.json nor bench.json: ${expected}.`,
    directory: absolute,
    problem: 'notARun',
  });
}

/** A benchmark folder's `bench.json`, validated; undefined when it does not exist. */
export async function readBenchManifest(path: string): Promise<BenchManifest | undefined> {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new RunDirectoryError({
      message: `${path} is damaged (${(error as Error).message}): restore it, or run the benchmark again into a new folder.`,
      directory: path,
      problem: 'corrupt',
    });
  }
  const parsed = BenchManifestSchema.safeParse(value);
  if (!parsed.success) {
    throw new RunDirectoryError({
      message: `${path} is not a benchmark manifest quire wrote (${parsed.error.issues[0]?.message}): ${expected}.`,
      directory: path,
      problem: 'corrupt',
    });
  }
  return parsed.data;
}
