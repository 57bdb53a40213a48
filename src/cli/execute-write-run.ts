import type { Config } from '../config/config-schema.js';
import { runBudget } from '../control/budget.js';
import type { StageModels } from '../control/stage-models.js';
import { writeRun } from '../control/write-run.js';
import { LengthIncompleteError } from '../errors/length-incomplete-error.js';
import type { ContextWindowState } from '../model/context/context-window.js';
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
import { writeHtmlReport } from './write-html-report.js';

/**
 * Runs the write pipeline for `quire write` and `quire resume` in the run directory the caller
 * holds locked: shows progress, and prints the summary (or the JSON result). Errors are thrown
 * for main to report, including `LengthIncompleteError` after the summary of a document
 * outside the length gate. A new run refused by the provider's authentication before its plan was
 * made leaves nothing behind: there is nothing to resume, only credentials to fix.
 */
export async function executeWriteRun({
  lock,
  fresh,
  task,
  config,
  model,
  stages,
  suppliedPlan,
  contextWindow,
  io,
  json,
  abortSignal,
  targetWords,
}: {
  lock: RunDirectoryLock;
  /** True for a run this command started, false for one it resumes. */
  fresh: boolean;
  task: Task;
  config: Config;
  model: ResolvedModel;
  stages?: StageModels;
  suppliedPlan?: Plan;
  /** The context window, when already resolved; else the run's own (see `writeRun`). */
  contextWindow?: ContextWindowState;
  io: CliIo;
  json: boolean;
  abortSignal: AbortSignal;
  /** A new target length for a resumed run (`--words`). */
  targetWords?: number;
}): Promise<void> {
  const { directory } = lock;
  const budget = runBudget({ config, modelId: model.modelId, stages });
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
      stages,
      suppliedPlan,
      budget,
      contextWindow,
      judge: createJudge({ config, io, abortSignal }),
      abortSignal,
      onEvent: (event) => progress.onEvent(event),
      targetWords,
    });
    progress.finish();
    printWriteSummary({ io, json, directory, result });
    await writeHtmlReport({ config, target: directory, io, json });
    // Never a silent short document: the summary said so first, the exit code says so too.
    if (result.info.status === 'incomplete-length') {
      throw new LengthIncompleteError({
        reason: result.info.stopReason ?? 'the document is outside the length gate',
        runDirectory: directory,
      });
    }
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
