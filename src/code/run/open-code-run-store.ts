import { RunStore, readRunJson } from '../../store/run-store.js';
import { type Clock, systemClock } from '../../util/clock.js';
import { type CodePlan, CodePlanSchema } from '../plan/code-plan.js';
import type { CodeRunEvent } from './code-run-event.js';
import type { CodeRunRecord } from './code-run-record.js';
import type { CodeRunReport } from './code-run-report.js';
import type { CodeRunStore } from './code-run-store.js';
import { readCodeRunRecord } from './read-code-run-record.js';

/**
 * Opens a run directory as a `CodeRunStore`, on quire's `RunStore`: atomic JSON writes, the
 * flushed append-only journal, leftovers of a crashed write removed. A file that exists but does
 * not parse is a `RunDirectoryError` naming it, never silently replaced (see `readRunJson`).
 */
export async function openCodeRunStore({
  runDir,
  clock = systemClock,
}: {
  runDir: string;
  clock?: Clock;
}): Promise<CodeRunStore> {
  const store = await RunStore.open(runDir);
  const writeJson = (name: string, value: unknown) => store.writeJson(name, value);
  return {
    runDir,
    workspaceDir: store.path('workspace'),
    readRun: () => readCodeRunRecord({ runDir }),
    writeRun: (record: CodeRunRecord) => writeJson('run.json', record),
    readPlan: () => readRunJson({ directory: runDir, name: 'plan.json', schema: CodePlanSchema }),
    writePlan: (plan: CodePlan) => writeJson('plan.json', plan),
    appendEvent: (event: CodeRunEvent) =>
      store.journal.append({ time: new Date(clock.now()).toISOString(), ...event }),
    writeReport: (report: CodeRunReport) => writeJson('report.json', report),
    close: () => store.close(),
  };
}
