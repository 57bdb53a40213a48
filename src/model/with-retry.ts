import pRetry from 'p-retry';
import { ContextOverflowError } from '../errors/context-overflow-error.js';
import { ModelCallError } from '../errors/model-call-error.js';
import { type Clock, systemClock } from '../util/clock.js';
import { backoffOptions, leastBackoffMs } from './backoff-options.js';
import { classifyModelError, type ModelErrorClass } from './classify-model-error.js';
import { credentialAdvice } from './hosted-providers.js';
import { defaultRetrySettings, type RetrySettings } from './retry-settings.js';

/** What the retry layer reports about an attempt that failed and will be retried. */
export interface RetryEvent {
  attempt: number;
  /** The least wait before the next attempt: the server's Retry-After, or the backoff before jitter. */
  delayMs: number;
  error: ModelErrorClass;
}

/** An attempt's error with the retry layer's reading of it attached. */
class FailedAttempt extends Error {
  readonly classification: ModelErrorClass;
  constructor(classification: ModelErrorClass, cause: unknown) {
    super(classification.summary, { cause });
    this.classification = classification;
  }
}

/**
 * Runs `attempt` under quire's one retry policy: retries rate limits, server errors, network
 * failures, timeouts and unusable replies with exponential backoff (or the server's Retry-After),
 * stops at once on abort, and fails fast on errors retrying cannot fix. Every failure ends as a
 * `ModelCallError` with a reason.
 */
export async function withRetry<T>({
  attempt,
  modelId,
  provider,
  retry = defaultRetrySettings,
  abortSignal,
  clock = systemClock,
  onRetry,
}: {
  /** One try. Receives its 1-based number. */
  attempt: (attemptNumber: number) => Promise<T>;
  /** Named in error messages. */
  modelId: string;
  /** The AI SDK provider name of the model, for the key to check when it refuses credentials. */
  provider?: string;
  retry?: RetrySettings;
  abortSignal?: AbortSignal;
  /** Reads the time for Retry-After dates, and sleeps the part of a Retry-After beyond the backoff. */
  clock?: Clock;
  onRetry?: (event: RetryEvent) => void;
}): Promise<{ value: T; attempts: number }> {
  let attempts = 0;
  let last: FailedAttempt | undefined;
  const abortError = () =>
    new ModelCallError({
      message: `The call to ${modelId} was aborted.`,
      reason: 'abort',
      modelId,
      attempts,
      cause: abortSignal?.reason,
    });

  try {
    const value = await pRetry(
      async (attemptNumber) => {
        attempts = attemptNumber;
        try {
          return await attempt(attemptNumber);
        } catch (error) {
          throw new FailedAttempt(classifyModelError({ error, now: clock.now() }), error);
        }
      },
      {
        ...backoffOptions(retry),
        signal: abortSignal,
        onFailedAttempt: async ({ error, attemptNumber, retriesLeft }) => {
          if (abortSignal?.aborted) throw abortError();
          if (!(error instanceof FailedAttempt)) throw error;
          last = error;
          const failure = error.classification;
          if (!failure.retryable || retriesLeft === 0) return;
          if (failure.retryAfterMs !== undefined && failure.retryAfterMs > retry.maxRetryAfterMs) {
            throw finalError({ modelId, provider, attempts, failure, cause: error.cause, retry });
          }
          const backoffMs = leastBackoffMs({ retryNumber: attemptNumber, retry });
          const retryAfterMs = failure.retryAfterMs ?? 0;
          onRetry?.({
            attempt: attemptNumber,
            delayMs: Math.max(retryAfterMs, backoffMs),
            error: failure,
          });
          // p-retry has no per-attempt delay: after this returns it sleeps its own backoff, at
          // least `backoffMs`. A server's Retry-After is the least it wants us to wait, so only
          // what it asks beyond that backoff is slept here; the jittered backoff after it still
          // spreads out the clients that were all told the same Retry-After.
          if (retryAfterMs > backoffMs) await clock.sleep(retryAfterMs - backoffMs, abortSignal);
        },
        shouldRetry: ({ error }) =>
          error instanceof FailedAttempt && error.classification.retryable,
      },
    );
    return { value, attempts };
  } catch (error) {
    if (abortSignal?.aborted) throw abortError();
    if (error instanceof ModelCallError) throw error;
    // A prompt too long for the window is the caller's to shrink: it passes through as it is.
    if (error instanceof FailedAttempt && error.cause instanceof ContextOverflowError) {
      throw error.cause;
    }
    if (error instanceof FailedAttempt) {
      throw finalError({
        modelId,
        provider,
        attempts,
        failure: error.classification,
        cause: error.cause,
        retry,
      });
    }
    if (last)
      throw finalError({
        modelId,
        provider,
        attempts,
        failure: last.classification,
        cause: error,
        retry,
      });
    throw error;
  }
}

/** What to do after the attempts ran out, by cause: waiting helps only a transient failure. */
const retryHints: Partial<Record<ModelErrorClass['kind'] | 'transient', string>> = {
  network: 'is the server running and the base URL right?',
  badFormat:
    'the model keeps answering in a form quire cannot read; use a model or server with JSON mode (structured output).',
  transient: 'try again later, lower the concurrency, or raise retry.maxAttempts.',
};

function finalError({
  modelId,
  provider,
  attempts,
  failure,
  cause,
  retry,
}: {
  modelId: string;
  provider: string | undefined;
  attempts: number;
  failure: ModelErrorClass;
  cause: unknown;
  retry: RetrySettings;
}): ModelCallError {
  const common = { modelId, attempts, statusCode: failure.statusCode, cause };
  if (failure.kind === 'authentication') {
    return new ModelCallError({
      ...common,
      reason: 'authentication',
      message: `${modelId} rejected the credentials (${failure.summary}): ${credentialAdvice(provider)}.`,
    });
  }
  if (!failure.retryable && failure.kind === 'badOutput') {
    return new ModelCallError({
      ...common,
      reason: 'errorNotRetryable',
      message: `${modelId} gave no usable answer: ${failure.summary}.`,
    });
  }
  if (!failure.retryable) {
    return new ModelCallError({
      ...common,
      reason: 'errorNotRetryable',
      message: `${modelId} refused the request (${failure.summary}); check the model id and its settings.`,
    });
  }
  if (failure.retryAfterMs !== undefined && failure.retryAfterMs > retry.maxRetryAfterMs) {
    return new ModelCallError({
      ...common,
      reason: 'maxRetriesExceeded',
      message: `${modelId} asked to wait ${Math.round(failure.retryAfterMs / 1000)} s (${failure.summary}), longer than retry.maxRetryAfterMs; try again later or raise that limit.`,
    });
  }
  const hint = retryHints[failure.kind] ?? retryHints.transient;
  return new ModelCallError({
    ...common,
    reason: 'maxRetriesExceeded',
    message: `${modelId} failed ${attempts} time(s), last: ${failure.summary}; ${hint}`,
  });
}
