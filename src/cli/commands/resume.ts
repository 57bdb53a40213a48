import { resolve } from 'node:path';
import { readCodeRunRecord } from '../../code/run/read-code-run-record.js';
import { migrateStoredConfig } from '../../config/retired-keys.js';
import { RunDirectoryError } from '../../errors/run-directory-error.js';
import { readRunInfo, readRunKind } from '../../store/run-store.js';
import { type CommonOptions, loadCommandConfig } from '../command-config.js';
import type { CommandContext } from '../command-context.js';
import { executeWriteRun } from '../execute-write-run.js';
import { prepareModel } from '../prepare-model.js';

/**
 * `quire resume <run>`: continues a write or code run with the settings it was started with
 * (flags given now override them). Finished work is kept as it is; only unfinished work is
 * redone.
 */
export async function run({ args, options, io, abortSignal }: CommandContext<CommonOptions>) {
  const shownAs = String(args[0]);
  const directory = resolve(io.cwd, shownAs);
  const kind = await readRunKind(directory);
  if (kind === 'code') {
    const record = await readCodeRunRecord({ runDir: directory });
    const { executeCodeRun } = await import('./code-execute.js');
    return executeCodeRun({
      directory,
      spec: record!.task.prompt,
      record,
      options,
      io,
      abortSignal,
    });
  }
  if (kind === undefined) {
    throw new RunDirectoryError({
      message: `${shownAs} is not a quire run (no run.json): pass a directory made by quire write or quire code.`,
      directory,
      problem: 'notARun',
    });
  }
  const info = await readRunInfo(directory);
  const config = await loadCommandConfig({
    options,
    io,
    base: migrateStoredConfig(info.config),
  });
  await executeWriteRun({
    directory,
    task: info.task,
    config,
    model: prepareModel(config),
    // A window given now overrides the one the run learned.
    contextWindow:
      options.contextTokens === undefined
        ? undefined
        : { tokens: options.contextTokens, source: 'config' },
    io,
    json: options.json === true,
    abortSignal,
  });
}
