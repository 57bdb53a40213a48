import { describe, expect, it } from 'vitest';
import { runBatch } from '../../src/batch/run-batch.js';
import { ModelCallError } from '../../src/errors/model-call-error.js';
import { StoreError } from '../../src/errors/store-error.js';

const items = Array.from({ length: 10 }, (_, index) => ({ id: `item-${index + 1}` }));

/** A promise and the function that settles it, so a test decides when an item finishes. */
function gate() {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

describe('runBatch', () => {
  it('runs every item, never more than `concurrency` at once', async () => {
    let running = 0;
    let most = 0;
    const outcome = await runBatch({
      items,
      concurrency: 3,
      runItem: async ({ item }) => {
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 2));
        running--;
        return item.id;
      },
    });
    expect(most).toBe(3);
    expect([...outcome.results].sort()).toEqual(items.map((item) => item.id).sort());
    expect(outcome).toMatchObject({ failures: [], interrupted: false });
  });

  it('records a failed item with its error and goes on with the others', async () => {
    const failed: string[] = [];
    const outcome = await runBatch({
      items,
      concurrency: 2,
      runItem: async ({ item }) => {
        if (item.id === 'item-4') {
          throw new ModelCallError({
            message: 'the model kept failing',
            reason: 'maxRetriesExceeded',
            modelId: 'sim',
            attempts: 6,
          });
        }
        return item.id;
      },
      onFailure: ({ item }) => failed.push(item.id),
    });
    expect(outcome.results).toHaveLength(9);
    expect(outcome.failures).toEqual([
      { id: 'item-4', code: 'model-call', message: 'the model kept failing' },
    ]);
    expect(failed).toEqual(['item-4']);
  });

  it('stops at an error every item would hit, cancels the ones in flight and throws it', async () => {
    const started: string[] = [];
    const cancelled: string[] = [];
    const disk = new StoreError({
      message: 'Cannot write: disk full',
      path: '/x',
      systemCode: 'ENOSPC',
    });
    const promise = runBatch({
      items,
      concurrency: 2,
      runItem: async ({ item, abortSignal }) => {
        started.push(item.id);
        if (item.id === 'item-2') throw disk;
        await new Promise<void>((_, reject) => {
          abortSignal.addEventListener('abort', () => {
            cancelled.push(item.id);
            reject(abortSignal.reason);
          });
        });
        return item.id;
      },
    });
    await expect(promise).rejects.toBe(disk);
    expect(started).toEqual(['item-1', 'item-2']);
    expect(cancelled).toEqual(['item-1']);
  });

  it('starts nothing new once the signal fires, and says it was interrupted', async () => {
    const controller = new AbortController();
    const first = gate();
    const started: string[] = [];
    const promise = runBatch({
      items,
      concurrency: 2,
      abortSignal: controller.signal,
      runItem: async ({ item, abortSignal }) => {
        started.push(item.id);
        if (item.id === 'item-1') {
          await first.opened;
          return item.id;
        }
        await new Promise<void>((_, reject) =>
          abortSignal.addEventListener('abort', () => reject(abortSignal.reason)),
        );
        return item.id;
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort(new Error('Ctrl-C'));
    first.open();
    const outcome = await promise;
    expect(started).toEqual(['item-1', 'item-2']);
    expect(outcome).toEqual({ results: ['item-1'], failures: [], interrupted: true });
  });
});
