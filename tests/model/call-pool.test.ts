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
});
