import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SftMetadataSchema } from '../../src/sft/sft-metadata.js';
import { type SimServer, startSimServer } from '../../src/sim/start-sim-server.js';
import { runMain } from '../bench/helpers/run-main.js';
import { type RedisServer, startRedisServer } from '../helpers/redis-server.js';
import { type SpawnedCli, spawnCli } from '../helpers/spawn-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait-until.js';

const tempDir = useTempDir();

/** `count` short instructions of 150 to 240 words, one JSON line each. */
function instructionsJsonl(count: number): string {
  return Array.from(
    { length: count },
    (_, index) =>
      `${JSON.stringify({ prompt: `Write a short essay on harbour ${index + 1}.`, length: 150 + (index % 4) * 30 })}\n`,
  ).join('');
}

/** The ids of the jobs a worker started and had not finished, from its `--json` events. */
function unfinishedJobs(worker: SpawnedCli): string[] {
  const events = worker
    .stdout()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { type?: string; jobId?: string });
  const ended = new Set(events.filter((each) => each.type === 'job-end').map((each) => each.jobId));
  return events
    .filter((each) => each.type === 'job-start' && !ended.has(each.jobId))
    .map((each) => each.jobId as string);
}

function startedJobs(worker: SpawnedCli): string[] {
  return [...worker.stdout().matchAll(/"type":"job-start","jobId":"([^"]+)"/g)].map(
    (match) => match[1] as string,
  );
}

describe('quire sft --queue with quire worker on a real Redis', { timeout: 300_000 }, () => {
  let redis: RedisServer;
  let server: SimServer;
  let fastServer: SimServer;
  beforeAll(async () => {
    redis = await startRedisServer({ dir: await tempDir() });
    // Slow enough that a worker is killed with jobs in flight, fast enough to stay cheap.
    server = await startSimServer({ port: 0, options: { ttft: '20ms', tps: 1_500, slots: 8 } });
    fastServer = await startSimServer({ port: 0, options: { slots: 8 } });
  }, 60_000);
  afterAll(async () => {
    await Promise.all([redis?.stop(), server?.close(), fastServer?.close()]);
  });

  it('30 items, three workers, one SIGKILLed mid-run: each item once, the same bytes as a local run', {
    timeout: 240_000,
  }, async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, 'in.jsonl'), instructionsJsonl(30));
    // A killed worker's jobs go back to the queue within seconds; many stalls are tolerated,
    // so a loaded machine that misses a lock renewal redoes a job instead of failing it.
    await writeFile(
      join(cwd, 'quire.config.json'),
      JSON.stringify({
        queue: { lockDurationMs: 3_000, stalledIntervalMs: 1_000, maxStalledCount: 50 },
        // The producer and the local run read it here; the workers take it from each job.
        fixedClock: '2026-01-01T00:00:00.000Z',
      }),
    );
    const env = { OPENAI_API_KEY: 'test-key' };
    const workerArgs = (url: string) => [
      'worker',
      '--queue',
      redis.url,
      '--concurrency',
      '2',
      '--model',
      'openai:sim',
      '--base-url',
      url,
      '--json',
    ];
    const workers = [1, 2, 3].map(() => spawnCli({ args: workerArgs(server.url), cwd, env }));
    const producer = spawnCli({
      args: ['sft', 'in.jsonl', '--out', 'data.jsonl', '--queue', redis.url, '--json'],
      cwd,
      env,
    });
    const [victim, ...survivors] = workers as [SpawnedCli, SpawnedCli, SpawnedCli];
    await waitUntil({
      condition: async () => unfinishedJobs(victim).length > 0,
      run: victim,
      what: 'a job in flight on the first worker',
    });
    victim.child.kill('SIGKILL');
    expect(await victim.exited).toBe('SIGKILL');
    const lost = unfinishedJobs(victim);

    expect(await producer.exited, producer.stderr()).toBe(0);
    const result = JSON.parse(producer.stdout().trim().split('\n').at(-1) as string);
    expect(result).toMatchObject({ total: 30, failures: [], interrupted: false });
    // The jobs the killed worker held were taken up again by the others.
    const retaken = survivors.flatMap(startedJobs);
    for (const jobId of lost) expect(retaken).toContain(jobId);

    for (const worker of survivors) worker.child.kill('SIGTERM');
    for (const worker of survivors) {
      expect(await worker.exited).toBe(143);
      expect(worker.stdout()).toContain('{"event":"worker-stopped"}');
    }

    const queued = await readFile(join(cwd, 'data.jsonl'), 'utf8');
    const ids = queued
      .trim()
      .split('\n')
      .map((line) => SftMetadataSchema.parse(JSON.parse(line).metadata).id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length + result.rejected).toBe(30);

    // The local run to compare with, in this process.
    const local = await runMain({
      argv: [
        'sft',
        'in.jsonl',
        '--out',
        'local.jsonl',
        '--concurrency',
        '1',
        '--model',
        'openai:sim',
        '--base-url',
        fastServer.url,
      ],
      cwd,
      env,
    });
    expect(local.code, local.stderr).toBe(0);
    expect(queued).toContain('"createdAt":"2026-01-01T00:00:00.');
    expect(queued).toBe(await readFile(join(cwd, 'local.jsonl'), 'utf8'));
    const rejected = (name: string) => readFile(join(cwd, name), 'utf8').catch(() => '');
    expect(await rejected('data.rejected.jsonl')).toBe(await rejected('local.rejected.jsonl'));
  });
});
