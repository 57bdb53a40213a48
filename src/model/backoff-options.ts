import type { Options } from 'p-retry';
import type { RetrySettings } from './retry-settings.js';

/** The part of p-retry's options that sets how long it waits between attempts. */
export type BackoffOptions = Required<
  Pick<Options, 'retries' | 'factor' | 'minTimeout' | 'maxTimeout' | 'randomize'>
>;

/**
 * quire's retry settings as p-retry's backoff: "equal jitter" on a delay that doubles from
 * `initialDelayMs` up to `maxDelayMs`. p-retry multiplies each delay by a random draw between 1
 * and 2, so it starts from half of `initialDelayMs`: each wait is then between half and all of
 * the doubled delay, and clients that failed together do not retry together.
 */
export function backoffOptions(retry: RetrySettings): BackoffOptions {
  return {
    retries: retry.maxAttempts - 1,
    factor: 2,
    minTimeout: retry.initialDelayMs / 2,
    maxTimeout: retry.maxDelayMs,
    randomize: true,
  };
}

/**
 * The least p-retry will wait before the given retry (1 for the first): its backoff with a
 * random draw of 1. The draw only lengthens the wait, up to twice this (never past the ceiling).
 */
export function leastBackoffMs({
  retryNumber,
  retry,
}: {
  retryNumber: number;
  retry: RetrySettings;
}): number {
  const { minTimeout, factor, maxTimeout } = backoffOptions(retry);
  return Math.min(maxTimeout, Math.round(minTimeout * factor ** (retryNumber - 1)));
}
