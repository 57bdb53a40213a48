import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Journal } from '../store/journal.js';
import type { SftItemOutcome } from './run-sft-item.js';
import type { SftPaths } from './sft-paths.js';

/** Where `quire sft` appends its lines: records to the output, rejections beside it. */
export interface SftOutput {
  /** Appends the outcome's lines to the file they belong in; resolves once they are on disk. */
  write(outcome: SftItemOutcome): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens the output of `quire sft` for appending. Both files are journals: each line is flushed
 * before `write` resolves, appends never interleave, and a line cut by a kill is dropped when
 * the file is next opened. The rejected file is opened on the first rejection, so a batch with
 * none leaves no empty side file.
 */
export async function openSftOutput({ paths }: { paths: SftPaths }): Promise<SftOutput> {
  await mkdir(dirname(paths.records), { recursive: true });
  const output = await Journal.open(paths.records);
  let rejected: Promise<Journal> | undefined;
  return {
    async write(outcome) {
      if (outcome.kind === 'written') {
        for (const record of outcome.records) await output.append(record);
        return;
      }
      rejected ??= Journal.open(paths.rejected);
      await (await rejected).append(outcome.record);
    },
    async close() {
      await output.close();
      if (rejected) await (await rejected).close();
    },
  };
}
