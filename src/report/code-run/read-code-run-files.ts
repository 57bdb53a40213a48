import { join } from 'node:path';
import { type CodePlan, CodePlanSchema } from '../../code/plan/code-plan.js';
import type { CodeRunRecord } from '../../code/run/code-run-record.js';
import { readCodeRunRecord } from '../../code/run/read-code-run-record.js';
import { readJournal } from '../../store/journal.js';
import { readRunJson, runFiles } from '../../store/run-store.js';

/** What a code run's directory holds that its report shows. */
export interface CodeRunFiles {
  directory: string;
  record: CodeRunRecord;
  /** Undefined before planning finished. */
  plan: CodePlan | undefined;
  events: Array<Record<string, unknown>>;
}

/** Reads a code run through the code store's readers. */
export async function readCodeRunFiles({
  directory,
}: {
  directory: string;
}): Promise<CodeRunFiles> {
  const record = await readCodeRunRecord({ runDir: directory });
  return {
    directory,
    record: record!,
    plan: await readRunJson({ directory, name: runFiles.plan, schema: CodePlanSchema }),
    events: await readJournal(join(directory, runFiles.journal)),
  };
}
