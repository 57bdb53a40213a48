import { resolve } from 'node:path';
import { readCodeRunRecord } from '../../code/run/read-code-run-record.js';
import { RunDirectoryError } from '../../errors/run-directory-error.js';
import { readRunInfo, readRunKind } from '../../store/run-store.js';
import { type CommonOptions, loadCommandConfig } from '../command-config.js';
import type { CommandContext } from '../command-context.js';
import { executeWriteRun } from '../execute-write-run.js';
import { prepareModel } from '../prepare-model.js';

/**
 * `quire resume <run>`: continues a write or code run with the settings it was started with
 * (flags given now override them). Finished work is kept as it is; only unfinished work is
 * redone, and, for a run that ended outside the length gate or is given a new target with
 * `--words`, the sections off their budget are repaired.
 */
export async function run({
  args,
  options,
  io,
  abortSignal,
}: CommandContext<CommonOptions & { words?: number }>) {
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
  const config = await loadCommandConfig({ options, io, base: info.config });
  await executeWriteRun({
    directory,
    task: info.task,
    config,
    model: prepareModel(config),
    io,
    json: options.json === true,
    abortSignal,
    targetWords: options.words,
  });
}
