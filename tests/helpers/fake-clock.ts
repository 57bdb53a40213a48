import type { Clock } from '../../src/util/clock.js';

/** A clock whose sleeps return at once and advance its time; records every sleep. */
export interface FakeClock extends Clock {
  sleeps: number[];
}

export function createFakeClock(start = 1_700_000_000_000): FakeClock {
  let time = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => time,
    sleep: async (ms, abortSignal) => {
      if (abortSignal?.aborted) throw abortSignal.reason;
      sleeps.push(ms);
      time += ms;
    },
  };
}
