import { describe, expect, it } from 'vitest';
import { backoffOptions, leastBackoffMs } from '../../src/model/backoff-options.js';
import { defaultRetrySettings } from '../../src/model/retry-settings.js';

const retry = {
  ...defaultRetrySettings,
  maxAttempts: 6,
  initialDelayMs: 1_000,
  maxDelayMs: 30_000,
};

describe('backoffOptions', () => {
  it('gives p-retry the attempts, the doubling, the ceiling and its random draw', () => {
    expect(backoffOptions(retry)).toEqual({
      retries: 5,
      factor: 2,
      minTimeout: 500,
      maxTimeout: 30_000,
      randomize: true,
    });
  });
});

describe('leastBackoffMs', () => {
  it('doubles from half the initial delay per retry, up to the ceiling', () => {
    const delays = [1, 2, 3, 6, 7, 8].map((retryNumber) => leastBackoffMs({ retryNumber, retry }));
    expect(delays).toEqual([500, 1_000, 2_000, 16_000, 30_000, 30_000]);
  });
});
