import { resolve } from 'node:path';
import { readCodeRunRecord } from '../../code/run/read-code-run-record.js';
import { migrateStoredConfig } from '../../config/retired-keys.js';
import { RunDirectoryError } from '../../errors/run-directory-error.js';
import { lockRunDirectory } from '../../store/lock-run-directory.js';
import { readRunInfo, readRunKind } from '../../store/run-store.js';
import { verifyRunFiles } from '../../store/verify-run-files.js';
import { type CommonOptions, loadCommandConfig } from '../command-config.js';
import type { CommandContext } from '../command-context.js';
import { executeWriteRun } from '../execute-write-run.js';
import { prepareWriteModels } from '../prepare-model.js';

/**
 * `quire resume <run>`: continues a write or code run with the settings it was started with
 * (flags given now override them). Finished work is kept as it is; only unfinished work is
 * redone, and, for a run that ended outside the length gate or is given a new target with
 * `--words`, the sections off their budget are repaired. The run is locked first: a second
 * writer is refused, naming the first.
 */
export async function run({
  args,
  options,
  io,
  abortSignal,
}: CommandContext<CommonOptions & { words?: number }>) {
  const shownAs = String(args[0]);
  const directory = resolve(io.cwd, shownAs);
  if ((await readRunKind(directory)) === undefined) {
    throw new RunDirectoryError({
      message: `${shownAs} is not a quire run (no run.json): pass a directory made by quire write or quire code.`,
      directory,
      problem: 'notARun',
    });
  }
  const lock = await lockRunDirectory({ directory, shownAs });
  try {
    // Read under the lock: what a writer that just finished left is what is continued.
    if ((await readRunKind(directory)) === 'code') {
      const record = await readCodeRunRecord({ runDir: directory });
      const { executeCodeRun } = await import('./code-execute.js');
      return await executeCodeRun({
        directory,
        lock,
        spec: record!.task.prompt,
        record,
        options,
        io,
        abortSignal,
      });
    }
    await verifyRunFiles(directory);
    const info = await readRunInfo(directory);
    const config = await loadCommandConfig({
      options,
      io,
      base: migrateStoredConfig(info.config),
    });
    await executeWriteRun({
      lock,
      fresh: false,
      task: info.task,
      config,
      ...prepareWriteModels({ config, env: io.env }),
      // A window given now overrides the one the run learned.
      contextWindow:
        options.contextTokens === undefined
          ? undefined
          : { tokens: options.contextTokens, source: 'config' },
      io,
      json: options.json === true,
      abortSignal,
      targetWords: options.words,
    });
  } finally {
    await lock.release();
  }
}
