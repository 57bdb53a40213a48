import type { Config } from '../config/config-schema.js';
import { qualitySettings } from '../config/quality-levels.js';
import { countWords } from '../evaluators/count-words.js';
import type { Judge } from '../evaluators/judge.js';
import type { ContextWindowState } from '../model/context/context-window.js';
import type { ModelInput } from '../model/resolve-model-input.js';
import type { Plan } from '../planner/plan-schema.js';
import type { RunStore } from '../store/run-store.js';
import { stageTally } from '../store/stage-usage.js';
import type { Task } from '../task/task-schema.js';
import { type Clock, systemClock } from '../util/clock.js';
import { budgetStop, type RunBudget } from './budget.js';
import { checkRequestFits } from './context/check-request-fits.js';
import { recordFailure } from './record-failure.js';
import type { RunEvent } from './run-events.js';
import type { StageModels } from './stage-models.js';
import { announceRunStart } from './write-run/announce-run-start.js';
import { draftSections } from './write-run/draft-sections.js';
import { endWriteRun } from './write-run/end-write-run.js';
import { openWriteRun } from './write-run/open-write-run.js';
import { polishDraft } from './write-run/polish-draft.js';
import { preparePlan } from './write-run/prepare-plan.js';
import { recordBudgetStop } from './write-run/record-budget-stop.js';
import { stageTracker } from './write-run/stage-tracker.js';
import type { WriteRunResult } from './write-run/write-run-result.js';

export type { WriteRunResult } from './write-run/write-run-result.js';

/**
 * Runs (or resumes) the long-form pipeline in an opened run directory: plan (or read the plan
 * back), run the control unit, assemble `document.md`. Keeps run.json and the journal current
 * at every step. A budget stop throws `BudgetExceededError`, Ctrl-C `InterruptedError`; both
 * leave a run that `quire resume` continues.
 *
 * The model's context window is `contextWindow` when given, else the one a resumed run learned,
 * else resolved from the configuration and the server (`resolveContextWindow`). A request too
 * large for it is refused (`UsageError`) before the first call.
 *
 * A document outside the length gate is never reported as done: the run ends with status
 * `incomplete-length` and the reason in `stopReason` (also when the model wrote too little per
 * reply to go on). Resuming such a run repairs the sections off their budget, with the model
 * and budget given then; `targetWords` gives the run a new target length.
 */
export async function writeRun(options: {
  store: RunStore;
  task: Task;
  config: Config;
  /**
   * The writer's model, the run's own (its window, tokenizer and capacity are the run's): a
   * spec, an AI SDK model object or a resolved model.
   */
  model: ModelInput;
  /** Other models for the planner and the reviewer; the writer's when not given. */
  stages?: StageModels;
  /** A plan given by the user (`--plan`), used instead of asking the model. */
  suppliedPlan?: Plan;
  budget?: RunBudget;
  /** The context window, when the caller has resolved it already. */
  contextWindow?: ContextWindowState;
  /** Scores quality in the final report; no quality score without one. */
  judge?: Judge;
  abortSignal?: AbortSignal;
  clock?: Clock;
  onEvent?: (event: RunEvent) => void;
  /** A new target length for the run (`quire resume --words`). */
  targetWords?: number;
}): Promise<WriteRunResult> {
  const {
    store,
    config,
    stages = {},
    suppliedPlan,
    budget = {},
    judge,
    abortSignal,
    clock = systemClock,
  } = options;
  const { model, previous, task, retargeted, windowState, session, capacity } = await openWriteRun({
    ...options,
    budget,
    clock,
  });
  // The drafts best of N adds are counted apart from drafting (see `runStages`).
  const extraDrafts = stageTally();
  const trackStage = stageTracker({
    session,
    countedApart: { drafting: { stage: 'candidates', totals: extraDrafts.totals } },
  });
  const run = { store, task, config, session, trackStage };
  const plannerCall = stages.planner ? session.callWith(stages.planner) : session.call;
  const reviewCall = stages.reviewer ? session.callWith(stages.reviewer) : session.call;
  try {
    await announceRunStart({
      session,
      resumed: previous !== undefined,
      task,
      model: model.spec,
      windowState,
      capacity,
    });
    checkRequestFits({ request: task.prompt, window: session.window });
    const quality = qualitySettings({
      level: config.write.quality,
      reviewRounds: config.review.rounds,
      ledger: config.write.ledger,
      thinkNotes: config.write.thinkNotes,
      candidates: config.write.candidates,
      critiqueRounds: config.plan.critiqueRounds,
    });
    const plan = await preparePlan({
      run,
      call: plannerCall,
      suppliedPlan,
      critiqueRounds: quality.critiqueRounds,
    });
    const drafted = await draftSections({
      run,
      plan,
      quality,
      reviewCall,
      budget,
      capacity,
      repairLength: retargeted || previous?.status === 'incomplete-length',
      judge,
      extraDrafts,
    });
    const result = await polishDraft({
      run,
      drafted,
      rounds: quality.reviewRounds,
      call: reviewCall,
      budgetStop: () => budgetStop({ totals: session.meter.totals(), budget }),
    });
    const words = result.sections.reduce((sum, section) => sum + countWords(section.text), 0);
    if (result.status === 'stopped') {
      throw await recordBudgetStop({ session, stopReason: result.stopReason, words });
    }
    return await endWriteRun({ run, judge, result, words });
  } catch (error) {
    throw await recordFailure({ error, abortSignal, session });
  }
}
