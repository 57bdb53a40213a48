import type { Config } from '../config/config-schema.js';
import { BudgetExceededError } from '../errors/budget-exceeded-error.js';
import { InterruptedError } from '../errors/interrupted-error.js';
import { QuireError } from '../errors/quire-error.js';
import { countWords } from '../evaluators/count-words.js';
import type { Judge } from '../evaluators/judge.js';
import type { Report } from '../evaluators/report-schema.js';
import type { CallSettings } from '../model/call-settings.js';
import type { ResolvedModel } from '../model/resolve-model.js';
import { emptyUsage, UsageMeter } from '../model/usage-meter.js';
import { planDocument } from '../planner/plan-document.js';
import type { Plan } from '../planner/plan-schema.js';
import type { RunInfo } from '../store/run-info-schema.js';
import { type RunStore, readRunKind } from '../store/run-store.js';
import type { Task } from '../task/task-schema.js';
import { type Clock, systemClock } from '../util/clock.js';
import { costOf, type RunBudget } from './budget.js';
import { defaultSectionChecks } from './checks/default-section-checks.js';
import { runControlUnit } from './control-unit.js';
import { finishDocument } from './finish-document.js';
import { emptyMemory, MemorySchema } from './memory/memory-schema.js';
import { rememberSection } from './memory/remember-section.js';
import { sectionsMissingStepEnd } from './reconcile-run.js';
import type { RunEvent, RunEventInput } from './run-events.js';
import { createRunInfo } from './run-info.js';

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
  const started = clock.now();
  // A directory without run.json is a new run; a damaged or foreign one is refused.
  const previous =
    (await readRunKind(store.directory)) === undefined ? undefined : await store.readInfo();
  // A resumed run keeps the task it was started with.
  const task = previous?.task ?? givenTask;
  let info: RunInfo = previous
    ? { ...previous, status: 'running', stopReason: undefined }
    : createRunInfo({ task, config, model, now: clock.now() });
  const sessionStartSeconds = info.elapsedSeconds;
  const meter = new UsageMeter(info.usage);
  const saveInfo = async (changes: Partial<RunInfo>) => {
    info = {
      ...info,
      ...changes,
      usage: meter.totals(),
      costUsd: costOf({ totals: meter.totals(), budget }),
      updatedAt: new Date(clock.now()).toISOString(),
      elapsedSeconds: sessionStartSeconds + (clock.now() - started) / 1000,
    };
    await store.writeInfo(info);
  };
  const emit = async (input: RunEventInput) => {
    const event = { ...input, time: new Date(clock.now()).toISOString() } as RunEvent;
    await store.journal.append(event);
    onEvent?.(event);
    if (event.type === 'usage') await saveInfo({});
  };
  const call: CallSettings = {
    model: model.model,
    retry: config.retry,
    timeouts: config.timeouts,
    abortSignal,
    meter,
    clock,
    onRetry: (retry) => {
      void emit({
        type: 'call-retry',
        attempt: retry.attempt,
        delayMs: retry.delayMs,
        error: retry.error.summary,
      });
    },
  };

  try {
    await saveInfo({ status: 'running' });
    await emit({
      type: 'run-start',
      runId: info.id,
      resumed: previous !== undefined,
      targetWords: task.words,
      model: model.spec,
    });
    const plan = await ensurePlan({ store, task, config, call, suppliedPlan, emit });
    const done = (await store.readSections()).filter(
      (section) => section.index < plan.sections.length,
    );
    let memory = (await store.readMemory(MemorySchema)) ?? emptyMemory;
    for (const section of sectionsMissingStepEnd({
      sections: done,
      events: await store.readEvents(),
      plan,
    })) {
      const planned = plan.sections[section.index]!;
      memory = (
        await rememberSection({
          memory,
          section: planned,
          text: section.text,
          notes: [],
          mode: 'notes',
        })
      ).memory;
      await emit({
        type: 'step-end',
        sectionId: planned.id,
        index: section.index,
        file: section.file,
        words: countWords(section.text),
        budget: planned.words,
        attempts: 0,
        findings: [],
        usage: emptyUsage,
        recovered: true,
      });
    }
    await store.writeMemory(memory);

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
      await saveInfo({ status: 'stopped', stopReason: result.stopReason });
      await emit({
        type: 'run-end',
        status: 'stopped',
        reason: result.stopReason,
        words,
        totals: meter.totals(),
        costUsd: info.costUsd,
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
    });
    await saveInfo({ status: 'completed' });
    await emit({
      type: 'run-end',
      status: 'completed',
      words,
      totals: meter.totals(),
      costUsd: info.costUsd,
    });
    return { info, plan, document, words, report };
  } catch (error) {
    throw await recordFailure({ error, abortSignal, store, saveInfo, emit, meter, info });
  }
}

async function ensurePlan({
  store,
  task,
  config,
  call,
  suppliedPlan,
  emit,
}: {
  store: RunStore;
  task: Task;
  config: Config;
  call: CallSettings;
  suppliedPlan: Plan | undefined;
  emit: (event: RunEventInput) => Promise<void>;
}): Promise<Plan> {
  const stored = await store.readPlan();
  if (stored) {
    await emit({
      type: 'plan-end',
      sections: stored.sections.length,
      words: stored.words,
      source: 'resumed',
      attempts: 0,
      findings: [],
    });
    return stored;
  }
  if (suppliedPlan) {
    await store.writePlan(suppliedPlan);
    await emit({
      type: 'plan-end',
      sections: suppliedPlan.sections.length,
      words: suppliedPlan.words,
      source: 'file',
      attempts: 0,
      findings: [],
    });
    return suppliedPlan;
  }
  const made = await planDocument({
    task,
    call,
    maxSectionWords: config.write.maxSectionWords,
    minSectionWords: config.write.minSectionWords,
    attempts: config.write.planAttempts,
  });
  await store.writePlan(made.plan);
  await emit({
    type: 'plan-end',
    sections: made.plan.sections.length,
    words: made.plan.words,
    source: 'model',
    attempts: made.attempts,
    findings: made.findings,
  });
  return made.plan;
}

/** Records how the run ended on an error and returns the error to throw. */
async function recordFailure({
  error,
  abortSignal,
  store,
  saveInfo,
  emit,
  meter,
  info,
}: {
  error: unknown;
  abortSignal: AbortSignal | undefined;
  store: RunStore;
  saveInfo: (changes: Partial<RunInfo>) => Promise<void>;
  emit: (event: RunEventInput) => Promise<void>;
  meter: UsageMeter;
  info: RunInfo;
}): Promise<unknown> {
  if (error instanceof BudgetExceededError) return error;
  const interrupted = abortSignal?.aborted === true;
  const status = interrupted ? 'interrupted' : 'failed';
  const message = error instanceof Error ? error.message : String(error);
  // Saving may itself fail (a full or read-only disk): the original error is what matters.
  await Promise.allSettled([
    (async () => {
      await emit({
        type: 'run-error',
        code: QuireError.isQuireError(error) ? error.code : 'unexpected',
        message,
      });
      await emit({
        type: 'run-end',
        status,
        reason: message,
        words: 0,
        totals: meter.totals(),
        costUsd: info.costUsd,
      });
    })(),
    saveInfo({ status, stopReason: message }),
  ]);
  if (interrupted) {
    return new InterruptedError({
      message: `Interrupted; finished sections are saved. Continue with: quire resume ${store.directory}`,
      resumeCommand: `quire resume ${store.directory}`,
    });
  }
  return error;
}
