import type { Config } from '../config/config-schema.js';
import { BudgetExceededError } from '../errors/budget-exceeded-error.js';
import { countWords } from '../evaluators/count-words.js';
import { evaluationSettings } from '../evaluators/evaluation-settings.js';
import type { Judge } from '../evaluators/judge.js';
import type { Report } from '../evaluators/report-schema.js';
import type { ResolvedModel } from '../model/resolve-model.js';
import type { Plan } from '../planner/plan-schema.js';
import type { RunInfo } from '../store/run-info-schema.js';
import { type RunStore, readRunKind } from '../store/run-store.js';
import type { Task } from '../task/task-schema.js';
import { type Clock, systemClock } from '../util/clock.js';
import type { RunBudget } from './budget.js';
import { defaultSectionChecks } from './checks/default-section-checks.js';
import { runControlUnit } from './control-unit.js';
import { ensurePlan } from './ensure-plan.js';
import { finishDocument } from './finish-document.js';
import { recordFailure } from './record-failure.js';
import { recoverSections } from './recover-sections.js';
import type { RunEvent } from './run-events.js';
import { startRunSession } from './run-session.js';

/** How a write run ended, when it ended normally. */
export interface WriteRunResult {
  info: RunInfo;
  plan: Plan;
  document: string;
  words: number;
  report: Report;
}

/**
 * Runs (or resumes) the long-form pipeline in an opened run directory: plan (or read the plan
 * back), run the control unit, assemble `document.md`. Keeps run.json and the journal current
 * at every step. A budget stop throws `BudgetExceededError`, Ctrl-C `InterruptedError`; both
 * leave a run that `quire resume` continues.
 */
export async function writeRun({
  store,
  task: givenTask,
  config,
  model,
  suppliedPlan,
  budget = {},
  judge,
  abortSignal,
  clock = systemClock,
  onEvent,
}: {
  store: RunStore;
  task: Task;
  config: Config;
  model: ResolvedModel;
  /** A plan given by the user (`--plan`), used instead of asking the model. */
  suppliedPlan?: Plan;
  budget?: RunBudget;
  /** Scores quality in the final report; no quality score without one. */
  judge?: Judge;
  abortSignal?: AbortSignal;
  clock?: Clock;
  onEvent?: (event: RunEvent) => void;
}): Promise<WriteRunResult> {
  // A directory without run.json is a new run; a damaged or foreign one is refused.
  const previous =
    (await readRunKind(store.directory)) === undefined ? undefined : await store.readInfo();
  // A resumed run keeps the task it was started with.
  const task = previous?.task ?? givenTask;
  const session = startRunSession({
    store,
    previous,
    task,
    config,
    model,
    budget,
    abortSignal,
    clock,
    onEvent,
  });
  const { emit, meter, call } = session;
  try {
    await session.saveInfo({ status: 'running' });
    await emit({
      type: 'run-start',
      runId: session.info().id,
      resumed: previous !== undefined,
      targetWords: task.words,
      model: model.spec,
    });
    const plan = await ensurePlan({ store, task, config, call, suppliedPlan, emit });
    const { done, memory } = await recoverSections({ store, plan, emit });
    const result = await runControlUnit({
      task,
      plan,
      store,
      memory,
      done,
      policy: config.write.contextPolicy,
      limits: config.write,
      settings: config.write,
      memoryMode: config.write.memory,
      checks: defaultSectionChecks,
      call,
      meter,
      budget,
      emit,
    });
    const words = result.sections.reduce((sum, section) => sum + countWords(section.text), 0);
    if (result.status === 'stopped') {
      await session.saveInfo({ status: 'stopped', stopReason: result.stopReason });
      await emit({
        type: 'run-end',
        status: 'stopped',
        reason: result.stopReason,
        words,
        totals: meter.totals(),
        costUsd: session.info().costUsd,
      });
      throw new BudgetExceededError({
        reason: result.stopReason ?? 'a budget is spent',
        runDirectory: store.directory,
      });
    }
    const { document, report } = await finishDocument({
      store,
      task,
      plan,
      sections: result.sections,
      judge,
      settings: evaluationSettings(config),
    });
    await session.saveInfo({ status: 'completed' });
    await emit({
      type: 'run-end',
      status: 'completed',
      words,
      totals: meter.totals(),
      costUsd: session.info().costUsd,
    });
    return { info: session.info(), plan, document, words, report };
  } catch (error) {
    throw await recordFailure({ error, abortSignal, session });
  }
}
