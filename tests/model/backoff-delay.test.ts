import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../src/model/backoff-delay.js';

const retry = { initialDelayMs: 1_000, maxDelayMs: 30_000 };

describe('backoffDelay', () => {
  it('doubles per retry up to the ceiling', () => {
    const delays = [1, 2, 3, 6, 7].map((retryNumber) =>
      backoffDelay({ retryNumber, retry, random: () => 1 }),
    );
    expect(delays).toEqual([1_000, 2_000, 4_000, 30_000, 30_000]);
  });

  it('draws half of each delay at random, so clients failing together do not retry together', () => {
    const at = (random: number) => backoffDelay({ retryNumber: 3, retry, random: () => random });
    expect(at(0)).toBe(2_000);
    expect(at(0.5)).toBe(3_000);
    expect(at(1)).toBe(4_000);
    // Two clients drawing different numbers wait different times.
    expect(at(0.1)).not.toBe(at(0.9));
  });
});
