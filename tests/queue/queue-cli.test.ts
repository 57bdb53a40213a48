import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LongbenchResultSchema } from '../../src/bench/longbench/longbench-result-schema.js';
import { longbenchJsonl, longbenchRow } from '../bench/helpers/longbench-rows.js';
import { expectInputError, runMain } from '../bench/helpers/run-main.js';
import { type RedisServer, startRedisServer } from '../helpers/redis-server.js';
import { runCli } from '../helpers/run-cli.js';
import { spawnCli } from '../helpers/spawn-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();

/** A port nothing listens on: bound, then released. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
    });
  });
}

describe('--queue and quire worker: bad input and unreachable queues', () => {
  it.each([
    [['sft', 'in.jsonl', '--out', 'out.jsonl', '--queue', 'http://127.0.0.1:6379']],
    [['bench', 'longbench-write', '--data', 'in.jsonl', '--queue', 'http://127.0.0.1:6379']],
    [['worker', '--queue', 'http://127.0.0.1:6379']],
  ])('%j: one line, exit 2, nothing written', async (args) => {
    const cwd = await tempDir();
    await writeFile(join(cwd, 'in.jsonl'), `${JSON.stringify({ prompt: 'Write about tides.' })}\n`);
    await expectInputError({ args, cwd, message: /--queue must start with redis:\/\// });
  });

  it('refuses --queue with --predictions', async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, 'p.jsonl'), '');
    await expectInputError({
      args: ['bench', 'longbench-write', '--predictions', 'p.jsonl', '--queue', 'redis://h:1'],
      cwd,
      message: /--queue sends answers to quire workers and --predictions scores answers/,
    });
  });

  it('a Redis that cannot be reached fails in one line, its password never shown', async () => {
    const cwd = await tempDir();
    const url = `redis://quire:s3cret@127.0.0.1:${await closedPort()}`;
    const result = await runMain({ argv: ['worker', '--queue', url], cwd });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/Cannot reach the queue's Redis at redis:\/\/quire:\*\*\*@127/);
    expect(result.stderr + result.stdout).not.toContain('s3cret');
  });
});

describe('quire bench longbench-write --queue on a real Redis', { timeout: 180_000 }, () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedisServer({ dir: await tempDir() });
  }, 30_000);
  afterAll(async () => {
    await redis?.stop();
  });

  it('a worker answers, the producer scores: the same results as a local run', async () => {
    const cwd = await tempDir();
    const rows = [
      longbenchRow({ length: 300, topic: 'tides' }),
      longbenchRow({ length: 400, topic: 'kites' }),
    ];
    await writeFile(join(cwd, 'data.jsonl'), longbenchJsonl(rows));
    const worker = spawnCli({ args: ['worker', '--queue', redis.url, '--model', 'sim'], cwd });
    const bench = (out: string, extra: string[]) =>
      runCli({
        args: [
          'bench',
          'longbench-write',
          '--data',
          'data.jsonl',
          '--samples',
          '2',
          '--out',
          out,
          ...extra,
        ],
        cwd,
      });
    try {
      const queued = await bench('queued', ['--queue', redis.url]);
      expect(queued.code, queued.stderr).toBe(0);
    } finally {
      worker.child.kill('SIGTERM');
      expect(await worker.exited).toBe(143);
    }
    // The local run to compare with, in this process.
    const local = await runMain({
      argv: [
        ...['bench', 'longbench-write', '--data', 'data.jsonl', '--samples', '2'],
        ...['--out', 'local', '--model', 'sim'],
      ],
      cwd,
    });
    expect(local.code, local.stderr).toBe(0);
    const results = async (out: string) =>
      (await readFile(join(cwd, out, 'results.jsonl'), 'utf8'))
        .trim()
        .split('\n')
        .map((line) => LongbenchResultSchema.parse(JSON.parse(line)))
        .map(({ id, sample, response, S_l, usage }) => ({ id, sample, response, S_l, usage }))
        .sort((left, right) =>
          `${left.id}${left.sample}`.localeCompare(`${right.id}${right.sample}`),
        );
    const answers = await results('queued');
    expect(answers).toHaveLength(4);
    expect(answers).toEqual(await results('local'));
    // Sample 2 is another draw of the same prompt, on the worker as here.
    expect(answers[0]?.response).not.toBe(answers[1]?.response);
  });
});
