import { ContextOverflowError } from '../../errors/context-overflow-error.js';
import type { ContextWindow } from '../../model/context/context-window.js';
import { checkRequestFits } from './check-request-fits.js';
import { contextStopError } from './context-stop.js';

/**
 * Runs a step that builds its prompt for the context window, and runs it once more when the
 * server refused or cut that prompt: by then the window has learned its size, so the step
 * rebuilds a smaller prompt. Before the second try, a request too long for the learned window
 * stops the run with the numbers (`UsageError`); a second overflow stops it with the server
 * setting to raise (`ContextBudgetError`). Without a window nothing is learned, so an overflow
 * is thrown as it is.
 */
export async function retryAfterOverflow<T>({
  run,
  window,
  request,
  step,
  onOverflow,
}: {
  run: () => Promise<T>;
  window: ContextWindow | undefined;
  /** The user's request, which must fit the window whatever else is trimmed. */
  request: string;
  /** What the step does, for the stop message: "section 3", "the plan". */
  step: string;
  /** Told of the first overflow, e.g. to record a finding. */
  onOverflow?: (error: ContextOverflowError) => void;
}): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof ContextOverflowError) || window === undefined) throw error;
    onOverflow?.(error);
    checkRequestFits({ request, window });
  }
  try {
    return await run();
  } catch (again) {
    throw again instanceof ContextOverflowError ? contextStopError({ error: again, step }) : again;
  }
}
