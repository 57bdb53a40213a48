import type { Config } from '../config/config-schema.js';
import { runBudget } from '../control/budget.js';
import { writeRun } from '../control/write-run.js';
import type { ResolvedModel } from '../model/resolve-model.js';
import type { Plan } from '../planner/plan-schema.js';
import type { RunDirectoryLock } from '../store/lock-run-directory.js';
import { RunStore, readRunPlan } from '../store/run-store.js';
import type { Task } from '../task/task-schema.js';
import type { CliIo } from './cli-io.js';
import { createJudge } from './create-judge.js';
import { isAuthenticationFailure } from './is-authentication-failure.js';
import { announceModel } from './prepare-model.js';
import { printWriteSummary } from './print-write-summary.js';
import { createProgress } from './progress/create-progress.js';

/**
 * Runs the write pipeline for `quire write` and `quire resume` in the run directory the caller
 * holds locked: shows progress, and prints the summary (or the JSON result). Errors are thrown
 * for main to report. A new run refused by the provider's authentication before its plan was
 * made leaves nothing behind: there is nothing to resume, only credentials to fix.
 */
export async function executeWriteRun({
  lock,
  fresh,
  task,
  config,
  model,
  suppliedPlan,
  io,
  json,
  abortSignal,
}: {
  lock: RunDirectoryLock;
  /** True for a run this command started, false for one it resumes. */
  fresh: boolean;
  task: Task;
  config: Config;
  model: ResolvedModel;
  suppliedPlan?: Plan;
  io: CliIo;
  json: boolean;
  abortSignal: AbortSignal;
}): Promise<void> {
  const { directory } = lock;
  const budget = runBudget({ config, modelId: model.modelId });
  const store = await RunStore.open(directory);
  announceModel({ model, io });
  const progress = createProgress({ io, json, targetWords: task.words });
  let failure: unknown;
  try {
    const result = await writeRun({
      store,
      task,
      config,
      model,
      suppliedPlan,
      budget,
      judge: createJudge({ config, io, abortSignal }),
      abortSignal,
      onEvent: (event) => progress.onEvent(event),
    });
    progress.finish();
    printWriteSummary({ io, json, directory, result });
  } catch (error) {
    failure = error;
    throw error;
  } finally {
    progress.finish();
    await store.close();
    if (
      fresh &&
      isAuthenticationFailure(failure) &&
      (await readRunPlan(directory).catch(() => 'unreadable')) === undefined
    ) {
      await lock.discard();
    }
  }
}
