import { join, resolve } from 'node:path';
import { summariseRun } from '../../control/summarise-run.js';
import { readJournal } from '../../store/journal.js';
import { readRunInfo, readRunPlan, readRunSections, runFiles } from '../../store/run-store.js';
import type { CommonOptions } from '../command-config.js';
import type { CommandContext } from '../command-context.js';
import { printRunSummary } from '../print-run-summary.js';

/** `quire inspect <run>`: the state of a run, read from its files; changes nothing. */
export async function run({ args, options, io }: CommandContext<CommonOptions>) {
  const directory = resolve(io.cwd, String(args[0]));
  const info = await readRunInfo(directory);
  const summary = summariseRun({
    info,
    plan: await readRunPlan(directory),
    sections: await readRunSections(directory),
    events: await readJournal(join(directory, runFiles.journal)),
  });
  if (options.json) io.stdout.write(`${JSON.stringify(summary)}\n`);
  else printRunSummary({ io, directory, summary });
}
