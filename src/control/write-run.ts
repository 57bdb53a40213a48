import type { Config } from '../config/config-schema.js';
import { qualitySettings } from '../config/quality-levels.js';
import { BudgetExceededError } from '../errors/budget-exceeded-error.js';
import { countWords } from '../evaluators/count-words.js';
import { evaluationSettings } from '../evaluators/evaluation-settings.js';
import type { Judge } from '../evaluators/judge.js';
import type { LengthGateResult, LengthGateSettings } from '../evaluators/length-gate.js';
import type { Report } from '../evaluators/report-schema.js';
import type { CallSettings } from '../model/call-settings.js';
import type { ContextWindowState } from '../model/context/context-window.js';
import { formatTokens } from '../model/context/format-tokens.js';
import { resolveContextWindow } from '../model/context/resolve-context-window.js';
import { startCapacity } from '../model/reply-capacity.js';
import { type ModelInput, resolveModelInput } from '../model/resolve-model-input.js';
import { counterForModel } from '../model/tokens/counter-for-model.js';
import type { Plan } from '../planner/plan-schema.js';
import type { RunInfo } from '../store/run-info-schema.js';
import { type RunStore, readRunKind } from '../store/run-store.js';
import {
  addStageUsage,
  moveStageUsage,
  type RunStage,
  type StageTotals,
  stageTally,
} from '../store/stage-usage.js';
import type { Task } from '../task/task-schema.js';
import { type Clock, systemClock } from '../util/clock.js';
import { budgetStop, type RunBudget } from './budget.js';
import { candidateSettings } from './candidates/candidate-settings.js';
import { defaultSectionChecks } from './checks/default-section-checks.js';
import { checkRequestFits } from './context/check-request-fits.js';
import { sectionWordsThatFit } from './context/section-words-that-fit.js';
import { type ControlUnitResult, runControlUnit } from './control-unit.js';
import { ensurePlan } from './ensure-plan.js';
import { finishDocument } from './finish-document.js';
import { LedgerSchema } from './ledger/ledger-schema.js';
import { chooseLedgerItems } from './ledger/render-ledger.js';
import { lengthOutcome } from './length/length-outcome.js';
import { retargetPlan } from './length/retarget-plan.js';
import { recordFailure } from './record-failure.js';
import { recoverSections } from './recover-sections.js';
import { runReview } from './review/run-review.js';
import type { RunEvent } from './run-events.js';
import { runPlanCritique } from './run-plan-critique.js';
import { startRunSession } from './run-session.js';
import { parallelSeams } from './seams/parallel-seams.js';
import { runSeamPass } from './seams/run-seam-pass.js';
import type { StageModels } from './stage-models.js';

/** How a write run ended, when it ended normally. */
export interface WriteRunResult {
  info: RunInfo;
  plan: Plan;
  document: string;
  words: number;
  report: Report;
  /** Where the document's length falls against the length gate. */
  lengthGate: LengthGateResult;
  /** True when the run stopped before its last section: the model writes too little per reply. */
  stoppedEarly: boolean;
}

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
export async function writeRun({
  store,
  task: givenTask,
  config,
  model: givenModel,
  stages = {},
  suppliedPlan,
  budget = {},
  contextWindow,
  judge,
  abortSignal,
  clock = systemClock,
  onEvent,
  targetWords,
}: {
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
  const model = resolveModelInput({ model: givenModel });
  // A directory without run.json is a new run; a damaged or foreign one is refused.
  const previous =
    (await readRunKind(store.directory)) === undefined ? undefined : await store.readInfo();
  // A resumed run keeps the task it was started with, unless given a new target.
  const startedTask = previous?.task ?? givenTask;
  const retargeted = targetWords !== undefined && targetWords !== startedTask.words;
  const task = retargeted ? { ...startedTask, words: targetWords } : startedTask;
  const counter = await counterForModel(model);
  const windowState =
    contextWindow ??
    previous?.contextWindow ??
    (await resolveContextWindow({
      contextTokens: config.model.contextTokens,
      model,
      baseUrl: config.baseUrl,
      apiKey: config.apiKey,
    }));
  const session = startRunSession({
    store,
    previous,
    task,
    config,
    model,
    budget,
    contextWindow: windowState,
    counter,
    abortSignal,
    clock,
    onEvent,
  });
  const { emit, meter, call } = session;
  const countedApart: Partial<Record<RunStage, { stage: RunStage; totals: StageTotals }>> = {};
  const plannerCall = stages.planner ? session.callWith(stages.planner) : call;
  const reviewCall = stages.reviewer ? session.callWith(stages.reviewer) : call;
  const capacity = startCapacity({
    previous: previous?.capacity,
    model: model.spec,
    configured: config.limits[model.modelId]?.wordsPerReply,
  });
  try {
    await session.saveInfo({ status: 'running', task, capacity });
    await emit({
      type: 'run-start',
      runId: session.info().id,
      resumed: previous !== undefined,
      targetWords: task.words,
      model: model.spec,
      contextWindow: session.window.state,
    });
    if (windowState.source === 'ollama default') {
      await emit({
        type: 'run-warning',
        code: 'window-assumed',
        message: `Ollama does not say its context window (the model sets no num_ctx): quire assumes ${formatTokens(windowState.tokens)} tokens; if Ollama serves another size (OLLAMA_CONTEXT_LENGTH, PARAMETER num_ctx), pass it with --context-tokens`,
      });
    }
    checkRequestFits({ request: task.prompt, window: session.window });
    const quality = qualitySettings({
      level: config.write.quality,
      reviewRounds: config.review.rounds,
      ledger: config.write.ledger,
      thinkNotes: config.write.thinkNotes,
      candidates: config.write.candidates,
      critiqueRounds: config.plan.critiqueRounds,
    });
    const planned = await trackStage('planning', () =>
      ensurePlan({
        store,
        task,
        config,
        call: plannerCall,
        suppliedPlan,
        critiqueRounds: quality.critiqueRounds,
        emit,
      }),
    );
    let plan = planned.plan;
    if (planned.critique) {
      plan = await trackStage('critique', () =>
        runPlanCritique({
          task,
          draft: planned.plan,
          store,
          rounds: quality.critiqueRounds,
          call: plannerCall,
          // A revised plan is fitted to the context window like the first one.
          maxSectionWords:
            windowWords({ config, call: plannerCall, request: task.prompt }) ??
            config.write.maxSectionWords,
          minSectionWords: config.write.minSectionWords,
          parallel: config.write.parallel,
          emit,
        }),
      );
      await store.writePlan(plan);
    }
    if (plan.words !== task.words) {
      plan = retargetPlan({ plan, words: task.words });
      await store.writePlan(plan);
    }
    // The drafts best of N adds are counted apart from drafting (see `runStages`).
    const extraDrafts = stageTally();
    countedApart.drafting = { stage: 'candidates', totals: extraDrafts.totals };
    const { done, ledger, thinkNotes } = await recoverSections({ store, plan, emit });
    const drafted = await trackStage('drafting', () =>
      runControlUnit({
        task,
        plan,
        store,
        ledger,
        done,
        policy: config.write.contextPolicy,
        limits: config.write,
        settings: { ...config.write, lengthCeiling: config.lengthGate.ceiling },
        ledgerMode: quality.ledger,
        checks: defaultSectionChecks,
        call,
        reviewCall,
        meter,
        budget,
        capacity,
        repairLength: retargeted || previous?.status === 'incomplete-length',
        slack: gateSlack(config.lengthGate),
        windowWords: () => windowWords({ config, call, request: task.prompt }),
        saveCapacity: (learned) => session.saveInfo({ capacity: learned }),
        parallel: config.write.parallel,
        thinkNotes: { mode: quality.thinkNotes, journalled: thinkNotes },
        candidates: candidateSettings({
          config,
          count: quality.candidates,
          store,
          judge,
          extraDrafts,
        }),
        emit,
      }),
    );
    plan = drafted.plan;
    const { reviewRounds } = quality;
    const seamed = drafted.status === 'completed' ? await repairSeams(drafted) : drafted;
    const result =
      seamed.status === 'completed' && reviewRounds > 0
        ? await reviewDrafted({ drafted: seamed, rounds: reviewRounds })
        : seamed;
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
    const outcome = lengthOutcome({
      words: report.words,
      target: task.words,
      gate: config.lengthGate,
      capacity: result.capacity,
    });
    // A run stopped for the model's capacity is incomplete even if what it has happens to fit.
    const reason = result.status === 'incomplete-length' ? result.stopReason : outcome.reason;
    const status = reason === undefined ? 'completed' : 'incomplete-length';
    await session.saveInfo({ status, stopReason: reason });
    await emit({
      type: 'run-end',
      status,
      ...(reason === undefined ? {} : { reason }),
      words,
      totals: meter.totals(),
      costUsd: session.info().costUsd,
    });
    return {
      info: session.info(),
      plan,
      document,
      words,
      report,
      lengthGate: outcome.gate,
      stoppedEarly: result.status === 'incomplete-length',
    };
  } catch (error) {
    throw await recordFailure({ error, abortSignal, session });
  }

  /**
   * Runs `work`, counting its calls toward `stage` in run.json, except the part counted apart
   * (`countedApart`: calls made alongside the stage's own, which the meter cannot tell apart).
   */
  async function trackStage<T>(stage: RunStage, work: () => Promise<T>): Promise<T> {
    const before = meter.totals();
    try {
      return await work();
    } finally {
      const usage = addStageUsage({
        usage: session.info().stages ?? {},
        stage,
        before,
        after: meter.totals(),
      });
      const apart = countedApart[stage];
      const stages =
        apart && apart.totals.calls > 0
          ? moveStageUsage({ usage, from: stage, to: apart.stage, amount: apart.totals })
          : usage;
      await session.saveInfo({ stages });
    }
  }

  /**
   * The facts the reviewer and the seam pass hold the document to: the ledger's, most relevant
   * to the request first, within `maxWords` (by default the share a section's writer gets).
   */
  async function reviewFacts(maxWords = config.write.summaryWords): Promise<string[]> {
    const ledger = await store.readLedger(LedgerSchema);
    return ledger
      ? (chooseLedgerItems({ ledger, focus: task.prompt, maxWords }) ?? []).map(
          (item) => `${item.text} [${item.sectionId}]`,
        )
      : [];
  }

  /**
   * The drafted document with the seams between sections drafted in parallel checked and
   * repaired (`runSeamPass`), as the first part of the whole-document review, or on its own when
   * there is no review; unchanged when no section was drafted blind to the one before it.
   */
  async function repairSeams(drafted: ControlUnitResult): Promise<ControlUnitResult> {
    const seams = parallelSeams({ plan: drafted.plan, events: await store.readEvents() });
    if (seams.length === 0) return drafted;
    const repaired = await trackStage('seams', async () =>
      runSeamPass({
        task,
        plan: drafted.plan,
        store,
        sections: drafted.sections,
        seams,
        call: reviewCall,
        settings: { ...config.write, lengthCeiling: config.lengthGate.ceiling },
        // Each check call repeats the facts: the names and figures a seam shows are few.
        facts: [...(drafted.plan.facts ?? []), ...(await reviewFacts(seamFactWords))],
        parallel: config.write.parallel,
        budgetStop: () => budgetStop({ totals: meter.totals(), budget }),
        emit,
      }),
    );
    return afterPass(drafted, repaired);
  }

  /** The drafted document after the whole-document review; stopped when a budget ran out. */
  async function reviewDrafted({
    drafted,
    rounds,
  }: {
    drafted: ControlUnitResult;
    rounds: number;
  }): Promise<ControlUnitResult> {
    const reviewed = await runReview({
      task,
      facts: await reviewFacts(),
      plan: drafted.plan,
      store,
      sections: drafted.sections,
      rounds,
      call: reviewCall,
      settings: { ...config.write, lengthCeiling: config.lengthGate.ceiling },
      budgetStop: () => budgetStop({ totals: meter.totals(), budget }),
      trackStage,
      emit,
    });
    return afterPass(drafted, reviewed);
  }
}

/** The drafted document after a pass over it: its sections, stopped when a budget ran out. */
function afterPass(
  drafted: ControlUnitResult,
  pass: { sections: ControlUnitResult['sections']; stopReason?: string },
): ControlUnitResult {
  return {
    ...drafted,
    sections: pass.sections,
    ...(pass.stopReason === undefined ? {} : { status: 'stopped', stopReason: pass.stopReason }),
  };
}

/** Words of the ledger's facts the seam pass is shown (beside the plan's own facts). */
const seamFactWords = 120;

/** Drift tolerated before pending budgets are rebalanced: half the gate's narrower margin. */
function gateSlack(gate: LengthGateSettings): number {
  return Math.min(1 - gate.floor, gate.ceiling - 1) / 2;
}

/** The largest section the context window leaves room for, when it is below the planned maximum. */
function windowWords({
  config,
  call,
  request,
}: {
  config: Config;
  call: CallSettings;
  request: string;
}): number | undefined {
  const fitting = sectionWordsThatFit({
    window: call.window,
    request,
    thinkingTokens: call.thinkingTokens,
    maxSectionWords: config.write.maxSectionWords,
    minSectionWords: config.write.minSectionWords,
  });
  return fitting < config.write.maxSectionWords ? fitting : undefined;
}
