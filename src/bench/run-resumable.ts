import type { z } from 'zod';
import { runBatch } from '../batch/run-batch.js';
import type { BatchFailure } from '../errors/batch-incomplete-error.js';
import { Journal } from '../store/journal.js';
import { readResultLines } from './read-result-lines.js';

/** What a resumable batch reports as it goes. */
export type ItemEvent<ITEM, RESULT> =
  | { type: 'batch-start'; total: number; skipped: number }
  | { type: 'item-start'; item: ITEM }
  | { type: 'item-end'; item: ITEM; result: RESULT }
  | { type: 'item-failed'; item: ITEM; failure: BatchFailure };

/** The outcome of a resumable batch over the given items. */
export interface ResumableOutcome<RESULT> {
  /** Every item with a result, earlier sessions included, in the items' order. */
  results: RESULT[];
  /** Items already in the results file when the batch started, and skipped. */
  skipped: number;
  failures: BatchFailure[];
  interrupted: boolean;
}

/**
 * Runs a batch whose results go to a JSONL file written with `Journal`: items whose id is
 * already in the file are skipped, the others run `concurrency` at a time, and each result is
 * appended (one flushed line) as soon as it exists, so a killed batch loses only the items in
 * flight and never leaves half a line.
 */
export async function runResumable<
  ITEM extends { id: string },
  SCHEMA extends z.ZodType<{ id: string }>,
>({
  items,
  resultsPath,
  schema,
  concurrency,
  abortSignal,
  runItem,
  onEvent,
}: {
  items: readonly ITEM[];
  resultsPath: string;
  /** Validates the lines already in the file. */
  schema: SCHEMA;
  concurrency: number;
  abortSignal?: AbortSignal;
  runItem: (input: { item: ITEM; abortSignal: AbortSignal }) => Promise<z.infer<SCHEMA>>;
  onEvent?: (event: ItemEvent<ITEM, z.infer<SCHEMA>>) => void;
}): Promise<ResumableOutcome<z.infer<SCHEMA>>> {
  const done = await readResultLines({ path: resultsPath, schema });
  const pending = items.filter((item) => !done.has(item.id));
  const journal = await Journal.open(resultsPath);
  onEvent?.({ type: 'batch-start', total: items.length, skipped: items.length - pending.length });
  let outcome: Awaited<ReturnType<typeof runBatch<ITEM, z.infer<SCHEMA>>>>;
  try {
    outcome = await runBatch({
      items: pending,
      concurrency,
      abortSignal,
      onStart: (item) => onEvent?.({ type: 'item-start', item }),
      onFailure: ({ item, failure }) => onEvent?.({ type: 'item-failed', item, failure }),
      runItem: async ({ item, abortSignal: signal }) => {
        const result = await runItem({ item, abortSignal: signal });
        await journal.append(result);
        onEvent?.({ type: 'item-end', item, result });
        return result;
      },
    });
  } finally {
    await journal.close();
  }
  for (const result of outcome.results) done.set(result.id, result);
  return {
    results: items.flatMap((item) => {
      const result = done.get(item.id);
      return result ? [result] : [];
    }),
    skipped: items.length - pending.length,
    failures: outcome.failures,
    interrupted: outcome.interrupted,
  };
}
