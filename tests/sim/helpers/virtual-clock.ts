import type { Clock } from '../../../src/util/clock.js';

/** A clock whose sleeps return at once and move its time forward: pacing without real waits. */
export interface VirtualClock extends Clock {
  /** Every sleep asked for, in milliseconds, in order. */
  readonly sleeps: number[];
}

export function createVirtualClock(start = 1_000_000): VirtualClock {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (milliseconds, abortSignal) => {
      if (abortSignal?.aborted) throw abortSignal.reason;
      sleeps.push(milliseconds);
      now += milliseconds;
    },
  };
}
