import type { BatchFailure } from '../errors/batch-incomplete-error.js';
import { QuireError } from '../errors/quire-error.js';

/** How a batch ended. `interrupted`: the caller's signal fired; items not started were left. */
export interface BatchOutcome<RESULT> {
  results: RESULT[];
  failures: BatchFailure[];
  interrupted: boolean;
}

/**
 * Runs `runItem` over `items` with at most `concurrency` in flight, in the order given. Items
 * are taken one at a time as a slot frees up, so an async iterable source (a file read as it
 * goes) is never read far ahead of the work. One item's failure is recorded and the others go
 * on; an error no other item can escape (bad input or credentials, a disk that refuses writes)
 * stops the batch: items not started are left, the ones in flight are cancelled, and that error
 * is thrown once they settle. When `abortSignal` fires, nothing new starts and `interrupted` is
 * set. Workers pull items rather than `p-limit` queuing them all: a queue would read the whole
 * source (an SFT file of millions of lines) ahead of the work.
 */
export async function runBatch<ITEM extends { id: string }, RESULT>({
  items,
  concurrency,
  abortSignal,
  runItem,
  onStart,
  onFailure,
}: {
  items: Iterable<ITEM> | AsyncIterable<ITEM>;
  concurrency: number;
  abortSignal?: AbortSignal;
  runItem: (input: { item: ITEM; abortSignal: AbortSignal }) => Promise<RESULT>;
  onStart?: (item: ITEM) => void;
  onFailure?: (input: { item: ITEM; failure: BatchFailure }) => void;
}): Promise<BatchOutcome<RESULT>> {
  const controller = new AbortController();
  const forward = () => controller.abort(abortSignal?.reason);
  if (abortSignal?.aborted) forward();
  abortSignal?.addEventListener('abort', forward, { once: true });
  const iterator = toAsyncIterator(items);
  const results: RESULT[] = [];
  const failures: BatchFailure[] = [];
  let fatal: { error: unknown } | undefined;
  const stop = (error: unknown) => {
    fatal ??= { error };
    controller.abort(error);
  };
  const worker = async () => {
    while (!controller.signal.aborted) {
      let next: IteratorResult<ITEM>;
      try {
        next = await iterator.next();
      } catch (error) {
        // The source itself failed (an input file that cannot be read): nothing more can start.
        stop(error);
        return;
      }
      if (next.done || controller.signal.aborted) return;
      const item = next.value;
      onStart?.(item);
      try {
        results.push(await runItem({ item, abortSignal: controller.signal }));
      } catch (error) {
        // Cancelled: by the user (the batch is interrupted) or by a fatal error elsewhere.
        if (controller.signal.aborted) return;
        if (stopsBatch(error)) {
          stop(error);
          return;
        }
        const failure = describeFailure({ id: item.id, error });
        failures.push(failure);
        onFailure?.({ item, failure });
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    abortSignal?.removeEventListener('abort', forward);
    // Lets a file being read close when the batch stops before its end.
    await iterator.return?.();
  }
  if (fatal) throw fatal.error;
  return { results, failures, interrupted: abortSignal?.aborted === true };
}

/** Errors every other item would hit too: input and credential problems, and the disk. */
function stopsBatch(error: unknown): boolean {
  if (!QuireError.isQuireError(error)) return false;
  return error.category === 'input' || error.code === 'store';
}

function describeFailure({ id, error }: { id: string; error: unknown }): BatchFailure {
  return {
    id,
    code: QuireError.isQuireError(error) ? error.code : 'unexpected',
    message: error instanceof Error ? error.message : String(error),
  };
}

function toAsyncIterator<ITEM>(items: Iterable<ITEM> | AsyncIterable<ITEM>): AsyncIterator<ITEM> {
  if (Symbol.asyncIterator in items) return items[Symbol.asyncIterator]();
  const iterator = items[Symbol.iterator]();
  return {
    next: async () => iterator.next(),
    return: async () => iterator.return?.() ?? { done: true, value: undefined },
  };
}
