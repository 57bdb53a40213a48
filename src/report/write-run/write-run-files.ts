import { join } from 'node:path';
import { type Report, ReportSchema } from '../../evaluators/report-schema.js';
import type { Plan } from '../../planner/plan-schema.js';
import { readJournal } from '../../store/journal.js';
import type { RunInfo } from '../../store/run-info-schema.js';
import {
  readRunInfo,
  readRunJson,
  readRunPlan,
  readRunSections,
  runFiles,
  type StoredSection,
} from '../../store/run-store.js';
import { readOptionalText } from '../read-optional-text.js';

/** Everything a write run's directory holds that its report shows. */
export interface WriteRunFiles {
  directory: string;
  info: RunInfo;
  /** Undefined before planning finished. */
  plan: Plan | undefined;
  sections: StoredSection[];
  events: Array<Record<string, unknown>>;
  /** Undefined until the run finished (or when it cannot be read: see `notes`). */
  report: Report | undefined;
  document: string | undefined;
  /** What could not be read, said on the page instead of failing it. */
  notes: string[];
}

/**
 * Reads a write run through the store's readers. run.json must be there and valid (it says
 * what the folder is); everything else may be missing, as in a run that stopped early, and a
 * report.json that no longer matches the schema is noted and left out.
 */
export async function readWriteRunFiles({
  directory,
}: {
  directory: string;
}): Promise<WriteRunFiles> {
  const info = await readRunInfo(directory);
  const notes: string[] = [];
  const report = await readRunJson({
    directory,
    name: runFiles.report,
    schema: ReportSchema,
  }).catch((error: Error) => {
    notes.push(`report.json was left out: ${error.message}`);
    return undefined;
  });
  return {
    directory,
    info,
    plan: await readRunPlan(directory),
    sections: await readRunSections(directory),
    events: await readJournal(join(directory, runFiles.journal)).catch((error: Error) => {
      notes.push(`journal.jsonl was left out: ${error.message}`);
      return [];
    }),
    report,
    document: await readOptionalText(join(directory, runFiles.document)),
    notes,
  };
}
