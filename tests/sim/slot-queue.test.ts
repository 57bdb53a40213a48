import { describe, expect, it } from 'vitest';
import { SlotQueue } from '../../src/sim/slot-queue.js';

describe('SlotQueue', () => {
  it('serves up to its slots at once and the rest in arrival order', async () => {
    const queue = new SlotQueue({ slots: 2 });
    const served: string[] = [];
    const first = await queue.acquire();
    const second = await queue.acquire();
    expect([first.queued, second.queued]).toEqual([false, false]);
    const waiting = ['c', 'd', 'e'].map((name) =>
      queue.acquire().then((slot) => {
        served.push(name);
        return slot;
      }),
    );
    expect(queue.busy).toBe(2);
    expect(queue.waiting).toBe(3);
    first.release();
    second.release();
    await Promise.resolve();
    expect(served).toEqual(['c', 'd']);
    const third = await waiting[0];
    expect(third?.queued).toBe(true);
    third?.release();
    await waiting[2];
    expect(served).toEqual(['c', 'd', 'e']);
    expect(queue.busy).toBe(2);
  });

  it('lets a waiter leave when its signal fires, without taking a slot', async () => {
    const queue = new SlotQueue({ slots: 1 });
    const taken = await queue.acquire();
    const controller = new AbortController();
    const leaving = queue.acquire(controller.signal);
    const staying = queue.acquire();
    controller.abort(new Error('gave up'));
    await expect(leaving).rejects.toThrow('gave up');
    expect(queue.waiting).toBe(1);
    taken.release();
    const next = await staying;
    next.release();
    next.release();
    expect(queue.busy).toBe(0);
  });

  it('refuses at once when the signal has already fired', async () => {
    await expect(
      new SlotQueue({ slots: 1 }).acquire(AbortSignal.abort(new Error('late'))),
    ).rejects.toThrow('late');
  });
});
