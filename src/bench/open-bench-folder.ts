import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { RunDirectoryError } from '../errors/run-directory-error.js';
import { UsageError } from '../errors/usage-error.js';
import { lockFileName } from '../store/lock-run-directory.js';
import { writeOutputFile } from '../store/write-output-file.js';
import { readFileBounded } from '../util/read-file-bounded.js';
import { version } from '../version.js';
import { benchFiles } from './bench-files.js';

/** `bench.json`: what a benchmark folder holds, so a resumed run cannot mix results. */
export const BenchManifestSchema = z
  .object({
    benchmark: z.enum(['longbench-write', 'sgt', 'hellobench']),
    mode: z.enum(['direct', 'quire', 'predictions']),
    model: z.string().describe('The model spec the answers come from.'),
    judge: z.string().nullable().describe('The judge model spec, or null without one.'),
    data: z.string().describe('The data file, as given when the folder was created.'),
    headers: z
      .enum(['sgt', 'lenient'])
      .optional()
      .describe(
        'SGT only: how segment headers are read (folders from before the choice existed read them leniently).',
      ),
    quire: z.string().describe('The quire version that created the folder.'),
    createdAt: z.string(),
  })
  .strict();

export type BenchManifest = z.infer<typeof BenchManifestSchema>;

/**
 * Opens a benchmark's `--out` folder: creates it with its manifest, or reopens one made by the
 * same benchmark, mode and model (its finished items are then skipped). Refuses a folder that
 * holds anything else, or results of another mode, model, judge or header rule, which would be
 * mixed into one table.
 */
export async function openBenchFolder({
  directory,
  shownAs,
  manifest,
}: {
  directory: string;
  /** The folder as the user wrote it, for messages. */
  shownAs: string;
  manifest: Omit<BenchManifest, 'quire' | 'createdAt'>;
}): Promise<{ resumed: boolean }> {
  const entries = await readdir(directory).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw new RunDirectoryError({
      message: `--out ${shownAs} cannot be read (${error.code ?? error.message}): choose another folder.`,
      directory,
      problem: 'notWritable',
      cause: error,
    });
  });
  // The folder's lock file is the caller's own.
  if (entries.some((name) => !name.startsWith(lockFileName))) {
    const existing = await readManifest(join(directory, benchFiles.manifest));
    if (existing === undefined) {
      throw new RunDirectoryError({
        message: `--out ${shownAs} exists and is not a quire benchmark folder: choose a new or empty folder.`,
        directory,
        problem: 'notEmpty',
      });
    }
    const held: Omit<BenchManifest, 'quire' | 'createdAt'> = {
      ...existing,
      headers: existing.benchmark === 'sgt' ? (existing.headers ?? 'lenient') : undefined,
    };
    const differences = (['benchmark', 'mode', 'model', 'judge', 'headers'] as const).filter(
      (key) => held[key] !== manifest[key],
    );
    if (differences.length > 0) {
      const holds = differences.map((key) => `${key} ${held[key] ?? 'none'}`).join(', ');
      const asked = differences.map((key) => `${key} ${manifest[key] ?? 'none'}`).join(', ');
      throw new UsageError(
        `--out ${shownAs} holds results of ${holds}, not ${asked}: choose another --out so the results are not mixed.`,
      );
    }
    return { resumed: true };
  }
  await mkdir(directory, { recursive: true });
  const full: BenchManifest = { ...manifest, quire: version, createdAt: new Date().toISOString() };
  await writeOutputFile({
    path: join(directory, benchFiles.manifest),
    data: `${JSON.stringify(full, null, 2)}\n`,
  });
  return { resumed: false };
}

async function readManifest(path: string): Promise<BenchManifest | undefined> {
  // Read as untrusted: never through a link, never more than a manifest can be.
  const read = await readFileBounded({ path, maxBytes: 64 * 1024, followLinks: false });
  if (!read.ok) return undefined;
  try {
    return BenchManifestSchema.parse(JSON.parse(read.bytes.toString('utf8')));
  } catch {
    return undefined;
  }
}
