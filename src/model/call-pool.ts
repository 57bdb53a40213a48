import { type Clock, systemClock } from '../util/clock.js';

/** The pause a rate limit without a Retry-After imposes on the whole pool. */
const defaultPauseMs = 1000;

/**
 * The model calls of one run share a pool: at most `limit` requests in flight, and a rate limit
 * on any of them slows them all. A 429 pauses every new request until its Retry-After has passed
 * (pool-wide, not per stream) and halves the limit (once per pause, however many streams hit
 * it); each run of `limit` successes raises it by one again, up to the configured size. So N
 * streams under a rate limit back off together instead of retrying N times at once.
 */
export class CallPool {
  readonly #size: number;
  readonly #clock: Clock;
  #limit: number;
  #active = 0;
  #pausedUntil = 0;
  #successes = 0;
  #waiters: Array<() => void> = [];

  constructor({ size, clock = systemClock }: { size: number; clock?: Clock }) {
    this.#size = Math.max(1, Math.floor(size));
    this.#limit = this.#size;
    this.#clock = clock;
  }

  /** Requests allowed in flight now (lowered by rate limits, at most the pool's size). */
  get limit(): number {
    return this.#limit;
  }

  /** Requests in flight now. */
  get active(): number {
    return this.#active;
  }

  /** Waits for a place (and for any pool-wide pause to end), then takes it. */
  async acquire(abortSignal?: AbortSignal): Promise<void> {
    for (;;) {
      abortSignal?.throwIfAborted();
      const wait = this.#pausedUntil - this.#clock.now();
      if (wait > 0) await this.#clock.sleep(wait, abortSignal);
      else if (this.#active < this.#limit) {
        this.#active++;
        return;
      } else await this.#nextRelease(abortSignal);
    }
  }

  /** Gives the place back, saying whether its request was rate limited (and for how long). */
  release({
    rateLimited = false,
    retryAfterMs,
  }: {
    rateLimited?: boolean;
    retryAfterMs?: number;
  } = {}) {
    this.#active = Math.max(0, this.#active - 1);
    const now = this.#clock.now();
    if (rateLimited) {
      // Streams that were already in flight when the pause began hit the same limit: halve once.
      if (now >= this.#pausedUntil) this.#limit = Math.max(1, Math.floor(this.#limit / 2));
      this.#pausedUntil = Math.max(this.#pausedUntil, now + (retryAfterMs ?? defaultPauseMs));
      this.#successes = 0;
    } else if (++this.#successes >= this.#limit && this.#limit < this.#size) {
      this.#limit++;
      this.#successes = 0;
    }
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const wake of waiters) wake();
  }

  #nextRelease(abortSignal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const onAbort = () => reject(abortSignal?.reason);
      abortSignal?.addEventListener('abort', onAbort, { once: true });
      this.#waiters.push(() => {
        abortSignal?.removeEventListener('abort', onAbort);
        resolve();
      });
    });
  }
}
