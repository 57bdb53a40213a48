import type { ContextWindowState } from '../../model/context/context-window.js';
import { formatTokens } from '../../model/context/format-tokens.js';
import type { ReplyCapacity } from '../../model/reply-capacity.js';
import type { Task } from '../../task/task-schema.js';
import type { RunSession } from '../run-session.js';

/**
 * Marks the run running in run.json and journals `run-start`, then a `run-warning` when the
 * context window is only Ollama's assumed default.
 */
export async function announceRunStart({
  session,
  resumed,
  task,
  model,
  windowState,
  capacity,
}: {
  session: RunSession;
  /** True when the run continues an earlier session. */
  resumed: boolean;
  task: Task;
  /** The writer's model spec. */
  model: string;
  /** The context window the session started with. */
  windowState: ContextWindowState;
  capacity: ReplyCapacity;
}): Promise<void> {
  await session.saveInfo({ status: 'running', task, capacity });
  await session.emit({
    type: 'run-start',
    runId: session.info().id,
    resumed,
    targetWords: task.words,
    model,
    contextWindow: session.window.state,
  });
  if (windowState.source === 'ollama default') {
    await session.emit({
      type: 'run-warning',
      code: 'window-assumed',
      message: `Ollama does not say its context window (the model sets no num_ctx): quire assumes ${formatTokens(windowState.tokens)} tokens; if Ollama serves another size (OLLAMA_CONTEXT_LENGTH, PARAMETER num_ctx), pass it with --context-tokens`,
    });
  }
}
