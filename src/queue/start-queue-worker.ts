import { type Job, Worker } from 'bullmq';
import { QueueError } from '../errors/queue-error.js';
import { checkRedis, openRedis } from './open-redis.js';
import type { QueueAddress } from './queue-address.js';
import { describeFormatVersion, queueFormatVersion, queueName } from './queue-format.js';

/** Runs one kind of job: checks its data, does the work, returns what the producer stores. */
export type QueueJobHandler = (input: { data: unknown; jobId: string }) => Promise<unknown>;

/** How long a job stays locked to its worker and how a lost worker is noticed. */
export interface QueueWorkerSettings {
  lockDurationMs: number;
  stalledIntervalMs: number;
  maxStalledCount: number;
}

/** What a worker reports as it goes. */
export type QueueWorkerEvent =
  | { type: 'job-start'; jobId: string; name: string }
  | { type: 'job-end'; jobId: string; name: string }
  | { type: 'job-refused'; jobId: string; name: string; reason: string };

/** A running worker. `close` takes no new job and resolves once the ones in flight finished. */
export interface QueueWorker {
  close(): Promise<void>;
}

/**
 * Starts a BullMQ worker on the queue at `address` that takes up to `concurrency` jobs at a
 * time and runs each with the handler of its name. A job of an unknown name or format version
 * is refused: it fails with the reason and nothing of it runs. A worker that dies keeps its
 * jobs locked until `lockDurationMs` passes; the next stalled check (every
 * `stalledIntervalMs`) gives them to another worker, at most `maxStalledCount` times.
 */
export async function startQueueWorker({
  address,
  concurrency,
  handlers,
  settings,
  onEvent,
}: {
  address: QueueAddress;
  concurrency: number;
  handlers: Readonly<Record<string, QueueJobHandler>>;
  settings: QueueWorkerSettings;
  onEvent?: (event: QueueWorkerEvent) => void;
}): Promise<QueueWorker> {
  await checkRedis(address);
  const connection = openRedis(address);
  const worker = new Worker(
    queueName,
    async (job: Job) => {
      const jobId = job.id ?? '';
      const handler = Object.hasOwn(handlers, job.name) ? handlers[job.name] : undefined;
      const version = (job.data as { formatVersion?: unknown } | null)?.formatVersion;
      const reason =
        handler === undefined
          ? `this quire does not run "${job.name}" jobs`
          : version !== queueFormatVersion
            ? `the job has ${describeFormatVersion(job.data)}; this quire knows format version ${queueFormatVersion}: run the same quire version on every machine`
            : undefined;
      if (reason !== undefined || handler === undefined) {
        onEvent?.({ type: 'job-refused', jobId, name: job.name, reason: reason ?? '' });
        throw new QueueError({ problem: 'job-format', message: `Refused job ${jobId}: ${reason}` });
      }
      onEvent?.({ type: 'job-start', jobId, name: job.name });
      const result = await handler({ data: job.data, jobId });
      onEvent?.({ type: 'job-end', jobId, name: job.name });
      return result;
    },
    {
      connection,
      concurrency,
      lockDuration: settings.lockDurationMs,
      stalledInterval: settings.stalledIntervalMs,
      maxStalledCount: settings.maxStalledCount,
    },
  );
  // Connection trouble is retried by the client; without a listener Node would throw it.
  worker.on('error', () => {});
  await worker.waitUntilReady();
  return {
    async close() {
      await worker.close();
      // BullMQ leaves a connection it was given open.
      await connection.quit();
    },
  };
}
