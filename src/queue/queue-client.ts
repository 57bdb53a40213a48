import { Queue, QueueEvents } from 'bullmq';
import { InterruptedError } from '../errors/interrupted-error.js';
import { QueueError } from '../errors/queue-error.js';
import { checkRedis, openRedis } from './open-redis.js';
import type { QueueAddress } from './queue-address.js';
import { queueName } from './queue-format.js';

/** The producer's side of the queue. */
export interface QueueClient {
  /**
   * Adds a job under `jobId` (nothing is added when it is already there: its stored result is
   * used), waits until a worker finished it and returns what the worker returned. A finished
   * job stays in Redis for `keptSeconds`, so a producer killed before it wrote the result finds
   * it again. Rejects when the job failed (no worker could finish it: it is removed, so the
   * next run tries again) or when `abortSignal` fired.
   */
  run(input: {
    name: string;
    jobId: string;
    data: unknown;
    abortSignal: AbortSignal;
  }): Promise<unknown>;
  /** Removes a finished job, so the next run does it again. */
  forget(jobId: string): Promise<void>;
  close(): Promise<void>;
}

/** How long a finished job's result stays in Redis: a week. */
const keptSeconds = 7 * 24 * 3600;

/** Connects a producer to the queue at `address` (checked once, so a bad address fails fast). */
export async function openQueueClient(address: QueueAddress): Promise<QueueClient> {
  await checkRedis(address);
  const connection = openRedis(address);
  const queue = new Queue(queueName, { connection });
  const eventsConnection = openRedis(address);
  const events = new QueueEvents(queueName, { connection: eventsConnection });
  await events.waitUntilReady();
  return {
    async run({ name, jobId, data, abortSignal }) {
      const job = await queue.add(name, data, {
        jobId,
        // Provider faults are retried by quire itself; a job fails only when workers were lost
        // more often than `queue.maxStalledCount` allows.
        attempts: 1,
        removeOnComplete: { age: keptSeconds },
        removeOnFail: false,
      });
      try {
        return await untilAborted(job.waitUntilFinished(events), abortSignal);
      } catch (error) {
        if (abortSignal.aborted) throw error;
        await job.remove().catch(() => {});
        throw new QueueError({
          problem: 'job-lost',
          message: `Job ${jobId} failed on the queue: ${error instanceof Error ? error.message : String(error)}`,
          cause: error,
        });
      }
    },
    async forget(jobId) {
      await queue.remove(jobId);
    },
    async close() {
      await events.close();
      await queue.close();
      // BullMQ leaves connections it was given open.
      await Promise.all([connection.quit(), eventsConnection.quit()]);
    },
  };
}

function untilAborted<VALUE>(promise: Promise<VALUE>, abortSignal: AbortSignal): Promise<VALUE> {
  if (abortSignal.aborted) return Promise.reject(interrupted());
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(interrupted());
    abortSignal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => abortSignal.removeEventListener('abort', onAbort));
  });
}

function interrupted(): InterruptedError {
  return new InterruptedError({ message: 'stopped waiting for the queue' });
}
