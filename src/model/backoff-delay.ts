import type { RetrySettings } from './retry-settings.js';

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so concurrent
 * clients spread out without any of them retrying at once.
 */
export function backoffDelay({
  retryNumber,
  retry,
  random = Math.random,
}: {
  /** 1 for the first retry. */
  retryNumber: number;
  retry: Pick<RetrySettings, 'initialDelayMs' | 'maxDelayMs'>;
  random?: () => number;
}): number {
  const ceiling = Math.min(retry.maxDelayMs, retry.initialDelayMs * 2 ** (retryNumber - 1));
  return ceiling / 2 + (random() * ceiling) / 2;
}
