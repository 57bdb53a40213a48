import { BudgetExceededError } from '../../errors/budget-exceeded-error.js';
import type { RunSession } from '../run-session.js';

/**
 * Records a run a budget stopped (status `stopped` in run.json, `run-end` in the journal) and
 * returns the error to throw, which says how to resume it.
 */
export async function recordBudgetStop({
  session,
  stopReason,
  words,
}: {
  session: RunSession;
  /** Why the run stopped, as the control unit or a pass reported it. */
  stopReason: string | undefined;
  /** Words the sections written so far hold. */
  words: number;
}): Promise<BudgetExceededError> {
  await session.saveInfo({ status: 'stopped', stopReason });
  await session.emit({
    type: 'run-end',
    status: 'stopped',
    reason: stopReason,
    words,
    totals: session.meter.totals(),
    costUsd: session.info().costUsd,
  });
  return new BudgetExceededError({
    reason: stopReason ?? 'a budget is spent',
    runDirectory: session.directory,
  });
}
