import { BudgetExceededError } from '../errors/budget-exceeded-error.js';
import { InterruptedError } from '../errors/interrupted-error.js';
import { QuireError } from '../errors/quire-error.js';
import type { RunSession } from './run-session.js';

/**
 * Records how a run ended on an error (journal and run.json, as far as the disk still allows)
 * and returns the error to throw: Ctrl-C becomes an `InterruptedError` naming the resume command.
 */
export async function recordFailure({
  error,
  abortSignal,
  session,
}: {
  error: unknown;
  abortSignal: AbortSignal | undefined;
  session: RunSession;
}): Promise<unknown> {
  const { emit, meter, directory } = session;
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
        costUsd: session.info().costUsd,
      });
    })(),
    session.saveInfo({ status, stopReason: message }),
  ]);
  if (interrupted) {
    return new InterruptedError({
      message: `Interrupted; finished sections are saved. Continue with: quire resume ${directory}`,
      resumeCommand: `quire resume ${directory}`,
    });
  }
  return error;
}
