import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { CallPool } from '../../src/model/call-pool.js';
import { createFakeClock } from '../helpers/fake-clock.js';

describe('CallPool', () => {
  it('holds a request beyond the limit until a place is released', async () => {
    const pool = new CallPool({ size: 2, clock: createFakeClock() });
    await pool.acquire();
    await pool.acquire();
    let third = false;
    const waiting = pool.acquire().then(() => {
      third = true;
    });
    await Promise.resolve();
    expect(third).toBe(false);
    pool.release();
    await waiting;
    expect(third).toBe(true);
    expect(pool.active).toBe(2);
  });

  it('pauses every new request for the Retry-After of one rate limit and halves the limit once', async () => {
    const clock = createFakeClock();
    const pool = new CallPool({ size: 8, clock });
    for (let count = 0; count < 4; count++) await pool.acquire();
    const start = clock.now();
    pool.release({ rateLimited: true, retryAfterMs: 2000 });
    pool.release({ rateLimited: true, retryAfterMs: 500 });
    expect(pool.limit).toBe(4);
    await pool.acquire();
    expect(clock.now() - start).toBe(2000);
    expect(clock.sleeps).toEqual([2000]);
  });

  it('raises the limit again by one after a run of successes, up to its size', async () => {
    const pool = new CallPool({ size: 4, clock: createFakeClock() });
    await pool.acquire();
    pool.release({ rateLimited: true });
    expect(pool.limit).toBe(2);
    for (let count = 0; count < 2; count++) {
      await pool.acquire();
      pool.release();
    }
    expect(pool.limit).toBe(3);
    for (let count = 0; count < 10; count++) {
      await pool.acquire();
      pool.release();
    }
    expect(pool.limit).toBe(4);
  });

  it('gives up waiting when the run is aborted', async () => {
    const pool = new CallPool({ size: 1, clock: createFakeClock() });
    await pool.acquire();
    const controller = new AbortController();
    const waiting = pool.acquire(controller.signal);
    controller.abort(new Error('stopped'));
    await expect(waiting).rejects.toThrow('stopped');
  });

  it('holds at least one place, a whole number of them', () => {
    expect(new CallPool({ size: 0 }).limit).toBe(1);
    expect(new CallPool({ size: 2.7 }).limit).toBe(2);
  });

  it('refuses at once a request whose run is already aborted, even with a place free', async () => {
    const pool = new CallPool({ size: 2, clock: createFakeClock() });
    await expect(pool.acquire(AbortSignal.abort(new Error('stopped')))).rejects.toThrow('stopped');
    expect(pool.active).toBe(0);
  });

  it('never counts fewer than none in flight', async () => {
    const pool = new CallPool({ size: 1, clock: createFakeClock() });
    pool.release();
    expect(pool.active).toBe(0);
    await pool.acquire();
    expect(pool.active).toBe(1);
  });

  it('pauses for a second after a rate limit that gave no Retry-After', async () => {
    const clock = createFakeClock();
    const pool = new CallPool({ size: 2, clock });
    await pool.acquire();
    pool.release({ rateLimited: true });
    await pool.acquire();
    expect(clock.sleeps).toEqual([1000]);
  });

  it('halves the limit again for a rate limit once the pause has passed', async () => {
    const pool = new CallPool({ size: 8, clock: createFakeClock() });
    await pool.acquire();
    pool.release({ rateLimited: true, retryAfterMs: 2000 });
    expect(pool.limit).toBe(4);
    // The acquire sleeps to the very end of the pause: a limit hit now is a new one.
    await pool.acquire();
    pool.release({ rateLimited: true, retryAfterMs: 2000 });
    expect(pool.limit).toBe(2);
  });

  it('counts a run of successes afresh after a rate limit and after each raise', async () => {
    const pool = new CallPool({ size: 4, clock: createFakeClock() });
    const succeed = async (times: number) => {
      for (let count = 0; count < times; count++) {
        await pool.acquire();
        pool.release();
      }
    };
    await succeed(1);
    await pool.acquire();
    pool.release({ rateLimited: true });
    await succeed(1);
    expect(pool.limit).toBe(2);
    await succeed(1);
    expect(pool.limit).toBe(3);
    await succeed(2);
    expect(pool.limit).toBe(3);
    await succeed(1);
    expect(pool.limit).toBe(4);
  });

  it('wakes every waiting request on a release; those left without a place wait on', async () => {
    const pool = new CallPool({ size: 1, clock: createFakeClock() });
    await pool.acquire();
    const done: string[] = [];
    const first = pool.acquire().then(() => done.push('first'));
    const second = pool.acquire().then(() => done.push('second'));
    pool.release();
    await first;
    await Promise.resolve();
    expect(done).toEqual(['first']);
    pool.release();
    await second;
    expect(done).toEqual(['first', 'second']);
  });

  it('leaves no listener on the run signal once a waiting request got its place', async () => {
    const pool = new CallPool({ size: 1, clock: createFakeClock() });
    const controller = new AbortController();
    await pool.acquire(controller.signal);
    const waiting = pool.acquire(controller.signal);
    await Promise.resolve();
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    pool.release();
    await waiting;
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});
