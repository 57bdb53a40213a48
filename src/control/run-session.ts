import { callPassthrough } from '../config/call-passthrough.js';
import type { Config } from '../config/config-schema.js';
import { CallPool } from '../model/call-pool.js';
import type { CallSettings } from '../model/call-settings.js';
import { ContextWindow, type ContextWindowState } from '../model/context/context-window.js';
import type { ResolvedModel } from '../model/resolve-model.js';
import { thinkingAllowance } from '../model/thinking-allowance.js';
import type { TokenCounter } from '../model/tokens/token-counter.js';
import { UsageMeter } from '../model/usage-meter.js';
import type { RunInfo } from '../store/run-info-schema.js';
import type { RunStore } from '../store/run-store.js';
import type { Task } from '../task/task-schema.js';
import type { Clock } from '../util/clock.js';
import { costOf, type RunBudget } from './budget.js';
import { type RunEvent, type RunEventInput, retryEvent } from './run-events.js';
import { createRunInfo } from './run-info.js';

/** One session of a run (a first start or a resume): its record, meter and event sink. */
export interface RunSession {
  directory: string;
  /** The run's record as last saved. */
  info(): RunInfo;
  meter: UsageMeter;
  /** Saves run.json with `changes` and the current usage, cost and elapsed time. */
  saveInfo(changes: Partial<RunInfo>): Promise<void>;
  /** Journals an event (flushed), shows it, and saves run.json after each `usage` event. */
  emit(input: RunEventInput): Promise<void>;
  /** The call settings every model call of the run uses: metered, abortable, fitted to `window`. */
  call: CallSettings;
  /** The same settings for another model (a stage's own), with that model's thinking allowance. */
  callWith(model: ResolvedModel): CallSettings;
  /** The model's context window, as the run knows it now. */
  window: ContextWindow;
}

/**
 * Starts a session: continues `previous` (usage and elapsed time carry over) or creates the
 * record of a new run. Every change the context window learns is journalled (`window-change`)
 * and saved to run.json; the first reply whose usage quire had to count itself is warned
 * about once (`run-warning`).
 */
export function startRunSession({
  store,
  previous,
  task,
  config,
  model,
  budget,
  contextWindow,
  counter,
  abortSignal,
  clock,
  onEvent,
}: {
  store: RunStore;
  previous: RunInfo | undefined;
  task: Task;
  config: Config;
  model: ResolvedModel;
  budget: RunBudget;
  contextWindow: ContextWindowState;
  counter: TokenCounter;
  abortSignal: AbortSignal | undefined;
  clock: Clock;
  onEvent: ((event: RunEvent) => void) | undefined;
}): RunSession {
  const started = clock.now();
  let info: RunInfo = previous
    ? { ...previous, status: 'running', stopReason: undefined }
    : createRunInfo({ task, config, model, now: started });
  const elapsedBefore = info.elapsedSeconds;
  const time = () => new Date(clock.now()).toISOString();
  const meter = new UsageMeter(info.usage, {
    onFirstEstimate: ({ tokenizer }) => {
      void emit({
        type: 'run-warning',
        code: 'usage-estimated',
        message: `the server reports no token usage: quire counts tokens itself (${tokenizer}), so token counts, budgets and costs are estimates`,
      });
    },
  });
  const window = new ContextWindow({
    state: contextWindow,
    counter,
    onLearn: (state, reason) => {
      // Recorded as it happens; a failure to write surfaces at the next save.
      void emit({ type: 'window-change', ...state, reason }).then(
        () => saveInfo({}),
        () => {},
      );
    },
  });
  let saving: Promise<void> = Promise.resolve();
  const saveInfo = async (changes: Partial<RunInfo>) => {
    info = {
      ...info,
      ...changes,
      contextWindow: window.state,
      usage: meter.totals(),
      costUsd: costOf({ totals: meter.totals(), budget }),
      updatedAt: time(),
      elapsedSeconds: elapsedBefore + (clock.now() - started) / 1000,
    };
    // Saves go one after another, so concurrent steps never leave an older record on disk.
    const snapshot = info;
    const saved = saving.then(() => store.writeInfo(snapshot));
    saving = saved.catch(() => {});
    await saved;
  };
  const emit = async (input: RunEventInput) => {
    const event = { ...input, time: time() } as RunEvent;
    await store.journal.append(event);
    onEvent?.(event);
    if (event.type === 'usage') await saveInfo({});
  };
  const callWith = (chosen: ResolvedModel): CallSettings => ({
    ...call,
    model: chosen.model,
    thinkingTokens: thinkingAllowance({
      modelId: chosen.modelId,
      configured: config.thinkingTokens,
      reasons: chosen.reasons,
    }),
  });
  const call: CallSettings = {
    model: model.model,
    ...callPassthrough(config),
    abortSignal,
    meter,
    window,
    clock,
    // One pool for every call of the run, whatever the stage: they share the server's limits.
    pool: new CallPool({ size: config.write.parallel, clock }),
    thinkingTokens: thinkingAllowance({
      modelId: model.modelId,
      configured: config.thinkingTokens,
      reasons: model.reasons,
    }),
    onRetry: (retry) => {
      void emit(retryEvent({ retry }));
    },
  };
  return {
    directory: store.directory,
    info: () => info,
    meter,
    saveInfo,
    emit,
    call,
    callWith,
    window,
  };
}
