/** A slot taken from a `SlotQueue`. */
export interface Slot {
  /** Gives the slot back. Calling it more than once is harmless. */
  release: () => void;
  /** True when the request had to wait in the queue for it. */
  queued: boolean;
}

interface Waiter {
  grant: (release: () => void) => void;
}

/**
 * A fixed number of slots, handed out first come, first served. Requests beyond the slots wait
 * in order, like calls to a provider at its concurrency limit; a waiter whose signal fires
 * leaves the queue without ever taking a slot.
 */
export class SlotQueue {
  readonly #slots: number;
  #busy = 0;
  readonly #waiting: Waiter[] = [];

  constructor({ slots }: { slots: number }) {
    this.#slots = slots;
  }

  /** Requests in service now. */
  get busy(): number {
    return this.#busy;
  }

  /** Requests waiting for a slot. */
  get waiting(): number {
    return this.#waiting.length;
  }

  /** Resolves with a slot once one is free; rejects if `abortSignal` fires first. */
  acquire(abortSignal?: AbortSignal): Promise<Slot> {
    if (abortSignal?.aborted) return Promise.reject(abortSignal.reason);
    if (this.#busy < this.#slots) {
      this.#busy++;
      return Promise.resolve({ release: this.#releaser(), queued: false });
    }
    return new Promise<Slot>((resolve, reject) => {
      const onAbort = () => {
        const index = this.#waiting.indexOf(waiter);
        if (index >= 0) this.#waiting.splice(index, 1);
        reject(abortSignal?.reason);
      };
      const waiter: Waiter = {
        grant: (release) => {
          abortSignal?.removeEventListener('abort', onAbort);
          resolve({ release, queued: true });
        },
      };
      this.#waiting.push(waiter);
      abortSignal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  #releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiting.shift();
      // The slot passes straight to the next in line, so nobody can overtake the queue.
      if (next) next.grant(this.#releaser());
      else this.#busy--;
    };
  }
}
