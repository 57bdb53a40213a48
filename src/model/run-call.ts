import { ChargedAttemptError } from '../errors/charged-attempt-error.js';
import { ContextOverflowError } from '../errors/context-overflow-error.js';
import { ModelOutputError } from '../errors/model-output-error.js';
import { systemClock } from '../util/clock.js';
import type { CallSettings } from './call-settings.js';
import { classifyModelError } from './classify-model-error.js';
import { defaultRetrySettings } from './retry-settings.js';
import { addUsage, type CallUsage, emptyUsage } from './usage-meter.js';
import { withRetry } from './with-retry.js';

/** A call's value with the usage it cost, the attempts it took and its wall time. */
export interface RunCallResult<T> {
  value: T;
  usage: CallUsage;
  attempts: number;
  latencyMs: number;
}

/**
 * Runs one model call through the retry layer and records it on the meter, including the
 * tokens of attempts that produced an unusable reply (carried by their `ModelOutputError`) or
 * failed after an earlier request of theirs had cost tokens (`ChargedAttemptError`), and hands
 * the thinking of the reply used to `onThinking`. Shared by every kind of call.
 */
export async function runCall<T>({
  settings,
  attempt,
}: {
  settings: CallSettings;
  /**
   * One try, with the thinking of its reply. An error it throws may carry the tokens the
   * unusable reply cost (`usage`).
   */
  attempt: () => Promise<{ value: T; usage: CallUsage; reasoning: string }>;
}): Promise<RunCallResult<T>> {
  const {
    model,
    retry = defaultRetrySettings,
    abortSignal,
    meter,
    onRetry,
    onThinking,
    pool,
  } = settings;
  const clock = settings.clock ?? systemClock;
  const started = clock.now();
  let failedUsage = emptyUsage;
  const chargeFailed = (usage: CallUsage) => {
    failedUsage = addUsage(failedUsage, usage);
  };
  try {
    const { value, attempts } = await withRetry({
      attempt: async () => {
        await pool?.acquire(abortSignal);
        try {
          const value = await attempt();
          pool?.release();
          return value;
        } catch (thrown) {
          // The tokens are charged here; the retry layer and the pool judge the failure itself.
          const charged = thrown instanceof ChargedAttemptError;
          if (charged) chargeFailed(thrown.usage);
          const error = charged ? thrown.cause : thrown;
          if (pool) {
            const failure = classifyModelError({ error, now: clock.now() });
            pool.release({
              rateLimited: failure.kind === 'rateLimited',
              retryAfterMs: failure.retryAfterMs,
            });
          }
          const spent =
            error instanceof ModelOutputError || error instanceof ContextOverflowError
              ? error.usage
              : undefined;
          if (spent) chargeFailed(spent);
          throw error;
        }
      },
      modelId: model.modelId,
      provider: model.provider,
      retry,
      abortSignal,
      clock,
      onRetry,
    });
    const latencyMs = clock.now() - started;
    const usage = addUsage(value.usage, failedUsage);
    meter?.record({ usage, failedAttempts: attempts - 1, latencyMs });
    if (value.reasoning !== '') onThinking?.(value.reasoning);
    return { value: value.value, usage, attempts, latencyMs };
  } catch (error) {
    meter?.record({
      usage: failedUsage,
      failedAttempts: (error as { attempts?: number }).attempts ?? 1,
      latencyMs: clock.now() - started,
      succeeded: false,
    });
    throw error;
  }
}
