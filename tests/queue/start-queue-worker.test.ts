import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../src/config/config-schema.js';
import { resolveModel } from '../../src/model/resolve-model.js';
import { openRedis } from '../../src/queue/open-redis.js';
import { parseQueueAddress, type QueueAddress } from '../../src/queue/queue-address.js';
import { queueFormatVersion, queueName } from '../../src/queue/queue-format.js';
import { sftJobHandler } from '../../src/queue/sft-job-handler.js';
import { type QueueWorkerEvent, startQueueWorker } from '../../src/queue/start-queue-worker.js';
import { type RedisServer, startRedisServer } from '../helpers/redis-server.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();
const settings = { lockDurationMs: 5_000, stalledIntervalMs: 5_000, maxStalledCount: 1 };

describe('startQueueWorker on a real Redis', { timeout: 60_000 }, () => {
  let redis: RedisServer;
  let address: QueueAddress;
  let queue: Queue;
  let events: QueueEvents;
  const connections: Redis[] = [];
  beforeAll(async () => {
    redis = await startRedisServer({ dir: await tempDir() });
    address = parseQueueAddress(redis.url);
    connections.push(openRedis(address), openRedis(address));
    queue = new Queue(queueName, { connection: connections[0]! });
    events = new QueueEvents(queueName, { connection: connections[1]! });
    await events.waitUntilReady();
  }, 30_000);
  afterAll(async () => {
    await events?.close();
    await queue?.close();
    // BullMQ leaves connections it was given open; left open, they would keep reconnecting to
    // the stopped Redis in the worker that runs the next test file.
    await Promise.all(connections.map((connection) => connection.quit()));
    await redis?.stop();
  });

  /** Adds a job and resolves with how it ended: its return value, or its failure reason. */
  async function outcomeOf(name: string, data: unknown, jobId: string) {
    const job = await queue.add(name, data, { jobId, attempts: 1 });
    return job.waitUntilFinished(events).then(
      (value) => ({ completed: value as unknown }),
      (error: Error) => ({ failed: error.message }),
    );
  }

  it('refuses jobs of an unknown format version or shape, and runs nothing of them', async () => {
    const seen: QueueWorkerEvent[] = [];
    const config = ConfigSchema.parse({});
    const worker = await startQueueWorker({
      address,
      concurrency: 1,
      handlers: { sft: sftJobHandler({ model: resolveModel({ spec: 'sim' }), config }) },
      settings,
      onEvent: (event) => seen.push(event),
    });
    try {
      expect(await outcomeOf('sft', { formatVersion: queueFormatVersion + 1 }, 'newer')).toEqual({
        failed: expect.stringMatching(
          /Refused job newer: the job has format version 2; this quire knows format version 1/,
        ),
      });
      expect(await outcomeOf('shell', { formatVersion: queueFormatVersion }, 'other')).toEqual({
        failed: expect.stringMatching(/this quire does not run "shell" jobs/),
      });
      const pathLike = {
        formatVersion: queueFormatVersion,
        instruction: { id: '../../etc', line: 1, prompt: 'Write about tides.' },
      };
      expect(await outcomeOf('sft', pathLike, 'path-like')).toEqual({
        failed: expect.stringMatching(/Refused job path-like: its data: "instruction.id"/),
      });
      expect(seen.map((event) => event.type)).toEqual(['job-refused', 'job-refused', 'job-start']);
    } finally {
      await worker.close();
    }
  });

  it('close takes no new job and resolves once the job in flight has finished', async () => {
    let release = () => {};
    const started = new Promise<void>((resolve) => {
      release = resolve;
    });
    let finish = (_value: string) => {};
    const worker = await startQueueWorker({
      address,
      concurrency: 1,
      handlers: {
        slow: async () => {
          release();
          return new Promise((resolve) => {
            finish = resolve;
          });
        },
      },
      settings,
    });
    const outcome = outcomeOf('slow', { formatVersion: queueFormatVersion }, 'slow-1');
    await started;
    let closed = false;
    const closing = worker.close().then(() => {
      closed = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toBe(false);
    finish('done');
    await closing;
    expect(await outcome).toEqual({ completed: 'done' });
    await queue.add('slow', { formatVersion: queueFormatVersion }, { jobId: 'slow-2' });
    expect(await queue.getJobState('slow-2')).toBe('waiting');
  });
});
