import { type Clock, systemClock } from './clock.js';

/**
 * A clock that starts at `start` and moves one millisecond per reading, whatever the machine
 * does: two runs that read it the same number of times get the same times, so what they stamp
 * is the same bytes, while times read one after the other still come in order. Durations it
 * measures count readings, not seconds. Waiting is real (a retry still waits for the server).
 */
export function createFixedClock({ start }: { start: number }): Clock {
  let readings = 0;
  return {
    now: () => start + readings++,
    sleep: systemClock.sleep,
  };
}

/**
 * The clock of one item of work: a fresh fixed clock from `fixedClock` (an ISO 8601 time) when
 * it is set, so every item starts at the same time wherever it runs, else the real clock.
 */
export function itemClock({ fixedClock }: { fixedClock?: string }): Clock {
  return fixedClock === undefined
    ? systemClock
    : createFixedClock({ start: Date.parse(fixedClock) });
}
