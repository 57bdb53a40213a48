import pLimit from 'p-limit';
import type { BatchFailure } from '../errors/batch-incomplete-error.js';
import { QuireError } from '../errors/quire-error.js';

/** How a batch ended. `interrupted`: the caller's signal fired; items not started were left. */
export interface BatchOutcome<RESULT> {
  results: RESULT[];
  failures: BatchFailure[];
  interrupted: boolean;
}

/**
 * Runs `runItem` over `items` with at most `concurrency` in flight, in the order given. One
 * item's failure is recorded and the others go on; an error no other item can escape (bad
 * input or credentials, a disk that refuses writes) stops the batch: items not started are
 * left, the ones in flight are cancelled, and that error is thrown once they settle. When
 * `abortSignal` fires, nothing new starts and `interrupted` is set.
 */
export async function runBatch<ITEM extends { id: string }, RESULT>({
  items,
  concurrency,
  abortSignal,
  runItem,
  onStart,
  onFailure,
}: {
  items: readonly ITEM[];
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
  const limit = pLimit(concurrency);
  const results: RESULT[] = [];
  const failures: BatchFailure[] = [];
  let fatal: { error: unknown } | undefined;
  try {
    await Promise.all(
      items.map((item) =>
        limit(async () => {
          if (controller.signal.aborted) return;
          onStart?.(item);
          try {
            results.push(await runItem({ item, abortSignal: controller.signal }));
          } catch (error) {
            if (controller.signal.aborted) {
              // Cancelled: by the user (the batch is interrupted) or by a fatal error elsewhere.
              return;
            }
            if (stopsBatch(error)) {
              fatal ??= { error };
              controller.abort(error);
              return;
            }
            const failure = describeFailure({ id: item.id, error });
            failures.push(failure);
            onFailure?.({ item, failure });
          }
        }),
      ),
    );
  } finally {
    abortSignal?.removeEventListener('abort', forward);
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
