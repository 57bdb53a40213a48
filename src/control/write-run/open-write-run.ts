import type { Config } from '../../config/config-schema.js';
import type { ContextWindowState } from '../../model/context/context-window.js';
import { resolveContextWindow } from '../../model/context/resolve-context-window.js';
import { type ReplyCapacity, startCapacity } from '../../model/reply-capacity.js';
import type { ResolvedModel } from '../../model/resolve-model.js';
import { type ModelInput, resolveModelInput } from '../../model/resolve-model-input.js';
import { counterForModel } from '../../model/tokens/counter-for-model.js';
import type { RunInfo } from '../../store/run-info-schema.js';
import { type RunStore, readRunKind } from '../../store/run-store.js';
import type { Task } from '../../task/task-schema.js';
import type { Clock } from '../../util/clock.js';
import type { RunBudget } from '../budget.js';
import type { RunEvent } from '../run-events.js';
import { type RunSession, startRunSession } from '../run-session.js';

/** A write run opened for one session, before anything of it is written. */
export interface OpenedWriteRun {
  /** The writer's model. */
  model: ResolvedModel;
  /** The run's record when it is resumed; undefined for a new run. */
  previous: RunInfo | undefined;
  /** The task the run writes, with its new target length when given one. */
  task: Task;
  /** True when the run was given a target length other than its own. */
  retargeted: boolean;
  /** The context window the session starts with. */
  windowState: ContextWindowState;
  session: RunSession;
  /** What the run knows of the words the model writes per reply. */
  capacity: ReplyCapacity;
}

/**
 * Opens a write run in `store`: reads back the run it resumes (a directory without run.json is
 * a new run; a damaged or foreign one is refused), gives it `targetWords`, settles its context
 * window (`contextWindow`, else the resumed run's, else `resolveContextWindow`) and starts its
 * session and its reply capacity. Writes nothing.
 */
export async function openWriteRun({
  store,
  task: givenTask,
  config,
  model: givenModel,
  budget,
  contextWindow,
  targetWords,
  abortSignal,
  clock,
  onEvent,
}: {
  store: RunStore;
  task: Task;
  config: Config;
  model: ModelInput;
  budget: RunBudget;
  contextWindow?: ContextWindowState;
  targetWords?: number;
  abortSignal?: AbortSignal;
  clock: Clock;
  onEvent?: (event: RunEvent) => void;
}): Promise<OpenedWriteRun> {
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
  const capacity = startCapacity({
    previous: previous?.capacity,
    model: model.spec,
    configured: config.limits[model.modelId]?.wordsPerReply,
  });
  return { model, previous, task, retargeted, windowState, session, capacity };
}
