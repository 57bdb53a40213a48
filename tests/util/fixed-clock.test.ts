import { describe, expect, it } from 'vitest';
import { systemClock } from '../../src/util/clock.js';
import { createFixedClock, itemClock } from '../../src/util/fixed-clock.js';

describe('createFixedClock', () => {
  it('starts at its start and moves one millisecond per reading', () => {
    const clock = createFixedClock({ start: 1_000 });
    expect([clock.now(), clock.now(), clock.now()]).toEqual([1_000, 1_001, 1_002]);
  });

  it('waits for real, rejecting when aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(createFixedClock({ start: 0 }).sleep(10, controller.signal)).rejects.toThrow(
      'stop',
    );
  });
});

describe('itemClock', () => {
  it('is the real clock when no fixed time is set', () => {
    expect(itemClock({})).toBe(systemClock);
  });

  it('gives each item a fresh clock from the fixed time', () => {
    const first = itemClock({ fixedClock: '2026-01-01T00:00:00Z' });
    first.now();
    const second = itemClock({ fixedClock: '2026-01-01T00:00:00Z' });
    expect(second.now()).toBe(Date.parse('2026-01-01T00:00:00Z'));
  });
});
