import type { Config } from '../config/config-schema.js';
import { runBudget } from '../control/budget.js';
import { writeRun } from '../control/write-run.js';
import type { ContextWindowState } from '../model/context/context-window.js';
import type { ResolvedModel } from '../model/resolve-model.js';
import type { Plan } from '../planner/plan-schema.js';
import { RunStore } from '../store/run-store.js';
import type { Task } from '../task/task-schema.js';
import type { CliIo } from './cli-io.js';
import { createJudge } from './create-judge.js';
import { announceModel } from './prepare-model.js';
import { printWriteSummary } from './print-write-summary.js';
import { createProgress } from './progress/create-progress.js';

/**
 * Runs the write pipeline for `quire write` and `quire resume`: opens the run directory, shows
 * progress, and prints the summary (or the JSON result). Errors are thrown for main to report.
 */
export async function executeWriteRun({
  directory,
  task,
  config,
  model,
  suppliedPlan,
  contextWindow,
  io,
  json,
  abortSignal,
}: {
  directory: string;
  task: Task;
  config: Config;
  model: ResolvedModel;
  suppliedPlan?: Plan;
  /** The context window, when already resolved; else the run's own (see `writeRun`). */
  contextWindow?: ContextWindowState;
  io: CliIo;
  json: boolean;
  abortSignal: AbortSignal;
}): Promise<void> {
  const budget = runBudget({ config, modelId: model.modelId });
  const store = await RunStore.open(directory);
  announceModel({ model, io });
  const progress = createProgress({ io, json, targetWords: task.words });
  try {
    const result = await writeRun({
      store,
      task,
      config,
      model,
      suppliedPlan,
      budget,
      contextWindow,
      judge: createJudge({ config, io, abortSignal }),
      abortSignal,
      onEvent: (event) => progress.onEvent(event),
    });
    progress.finish();
    printWriteSummary({ io, json, directory, result });
  } finally {
    progress.finish();
    await store.close();
  }
}
