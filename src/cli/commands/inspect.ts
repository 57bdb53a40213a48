import { join, resolve } from 'node:path';
import { summariseQuality } from '../../control/inspect/summarise-quality.js';
import { LedgerSchema } from '../../control/ledger/ledger-schema.js';
import { summariseRun } from '../../control/summarise-run.js';
import { readCritiqueRounds, readDraftPlan } from '../../store/critique-files.js';
import { readJournal } from '../../store/journal.js';
import { readReviewRounds, readSeamPass } from '../../store/review-files.js';
import {
  readRunInfo,
  readRunJson,
  readRunPlan,
  readRunSections,
  runFiles,
} from '../../store/run-store.js';
import type { CommonOptions } from '../command-config.js';
import type { CommandContext } from '../command-context.js';
import { printQualitySummary } from '../print-quality-summary.js';
import { printRunSummary } from '../print-run-summary.js';

/** `quire inspect <run>`: the state of a run, read from its files; changes nothing. */
export async function run({ args, options, io }: CommandContext<CommonOptions>) {
  const directory = resolve(io.cwd, String(args[0]));
  const info = await readRunInfo(directory);
  const events = await readJournal(join(directory, runFiles.journal));
  const summary = summariseRun({
    info,
    plan: await readRunPlan(directory),
    sections: await readRunSections(directory),
    events,
  });
  const quality = summariseQuality({
    info,
    seamPass: await readSeamPass({ directory }),
    draftPlan: await readDraftPlan({ directory }),
    critiqueRounds: await readCritiqueRounds({ directory }),
    reviewRounds: await readReviewRounds({ directory }),
    ledger: await readRunJson({ directory, name: runFiles.ledger, schema: LedgerSchema }),
    events,
  });
  if (options.json) io.stdout.write(`${JSON.stringify({ ...summary, ...quality })}\n`);
  else {
    printRunSummary({ io, directory, summary });
    printQualitySummary({ io, quality });
  }
}
