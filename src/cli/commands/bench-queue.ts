import type { BenchAnswerer } from '../../bench/bench-answerer.js';
import { UsageError } from '../../errors/usage-error.js';
import { parseQueueAddress, type QueueAddress } from '../../queue/queue-address.js';
import { openQueueClient } from '../../queue/queue-client.js';
import { queuedBenchAnswer } from '../../queue/queued-bench-answer.js';

/** Checks `--queue` of a benchmark before anything starts; undefined without the flag. */
export function checkBenchQueue({
  queue,
  predictions,
}: {
  queue: string | undefined;
  predictions: string | undefined;
}): QueueAddress | undefined {
  if (queue === undefined) return undefined;
  if (predictions !== undefined) {
    throw new UsageError(
      '--queue sends answers to quire workers and --predictions scores answers already written: drop one of them.',
    );
  }
  return parseQueueAddress(queue);
}

/** The benchmark's answers from queue workers, or from this process without `--queue`. */
export async function openBenchQueue(
  address: QueueAddress | undefined,
): Promise<{ answer?: BenchAnswerer; close(): Promise<void> }> {
  if (address === undefined) return { close: async () => {} };
  const client = await openQueueClient(address);
  return { answer: queuedBenchAnswer(client), close: () => client.close() };
}
