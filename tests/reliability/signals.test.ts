import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimServer } from '../../src/sim/start-sim-server.js';
import { longbenchJsonl } from '../bench/helpers/longbench-rows.js';
import { runMain } from '../bench/helpers/run-main.js';
import { runCli } from '../helpers/run-cli.js';
import { type SpawnedCli, spawnCli } from '../helpers/spawn-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { snapshotTree } from './helpers/snapshot-tree.js';
import { waitForPath } from './helpers/wait-for-path.js';

const tempDir = useTempDir();
const request = 'Write a short guide to the tides of the Bristol Channel';
// Every model call hangs until the command is stopped: the signal always lands mid-call.
const hanging = 'sim:hang=1';
const exitCodes = { SIGTERM: 143, SIGHUP: 129, SIGINT: 130 } as const;
type StopSignal = keyof typeof exitCodes;

const started: SpawnedCli[] = [];
afterEach(async () => {
  for (const run of started.splice(0)) {
    run.child.kill('SIGKILL');
    await run.exited;
  }
});

/**
 * Starts `args`, waits until it holds `lock` (it is then busy with its model), sends `signal`,
 * and checks the process stops on its own with the conventional exit code.
 */
async function stopMidway({
  args,
  cwd,
  lock,
  signal,
  env,
}: {
  args: string[];
  cwd: string;
  lock: string;
  signal: StopSignal;
  env?: Record<string, string>;
}): Promise<string> {
  const run = spawnCli({ args, cwd, env });
  started.push(run);
  await waitForPath({ path: join(cwd, lock), run });
  run.child.kill(signal);
  expect(await run.exited, run.stderr()).toBe(exitCodes[signal]);
  return run.stderr();
}

// One finished run, written once and copied for the tests that evaluate one.
let template: string;
beforeAll(async () => {
  template = await mkdtemp(join(tmpdir(), 'quire-test-'));
  const result = await runCli({
    args: [
      'write',
      '--quality',
      'fast',
      request,
      '--words',
      '600',
      '--model',
      'sim',
      '--out',
      'run',
    ],
    cwd: template,
  });
  expect(result.code, result.stderr).toBe(0);
});
afterAll(() => rm(template, { recursive: true, force: true }));

describe('SIGTERM, SIGHUP and SIGINT stop every command, exiting 128 + the signal', () => {
  it.each(['SIGTERM', 'SIGHUP', 'SIGINT'] as const)(
    'quire write on %s: stops, says how to resume, and the run resumes to the end',
    async (signal) => {
      const cwd = await tempDir();
      const stderr = await stopMidway({
        args: [
          'write',
          '--quality',
          'fast',
          request,
          '--words',
          '600',
          '--model',
          hanging,
          '--out',
          'run',
        ],
        cwd,
        lock: 'run/quire.lock',
        signal,
      });
      expect(stderr).toMatch(/Continue with: quire resume \S*run\n/);
      // Resumed in this process: the stopped run was the real one.
      const resumed = await runMain({ argv: ['resume', 'run', '--model', 'sim'], cwd });
      expect(resumed.code, resumed.stderr).toBe(0);
      const info = JSON.parse(await readFile(join(cwd, 'run', 'run.json'), 'utf8'));
      expect(info.status).toBe('completed');
    },
  );

  it('quire eval on SIGTERM: stops without writing its report into the run', async () => {
    const cwd = await tempDir();
    await cp(template, cwd, { recursive: true });
    const before = await snapshotTree(join(cwd, 'run'));
    await stopMidway({
      args: ['eval', 'run', '--judge', hanging],
      cwd,
      lock: 'run/quire.lock',
      signal: 'SIGTERM',
    });
    expect(await snapshotTree(join(cwd, 'run'))).toEqual(before);
  });

  it('quire sft on SIGHUP: stops, and running it again finishes the file', async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, 'instructions.jsonl'), '{"prompt": "Write 300 words on tides."}\n');
    const args = ['sft', 'instructions.jsonl', '--out', 'data.jsonl'];
    await stopMidway({
      args: [...args, '--model', hanging],
      cwd,
      lock: 'data.jsonl.lock',
      signal: 'SIGHUP',
    });
    const again = await runMain({ argv: [...args, '--model', 'sim'], cwd });
    expect(again.code, again.stderr).toBe(0);
    expect((await readFile(join(cwd, 'data.jsonl'), 'utf8')).trim().split('\n')).toHaveLength(1);
  });

  it('quire bench longbench-write on SIGTERM: stops, and running it again finishes the items', async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, 'data.jsonl'), longbenchJsonl());
    // One model, first served by a server that hangs, then by one that answers: a benchmark
    // folder continues only with the model it started with.
    const args = (url: string) => [
      ...['bench', 'longbench-write', '--data', 'data.jsonl', '--mode', 'direct'],
      ...['--model', 'openai:sim', '--base-url', url, '--out', 'out'],
    ];
    const env = { OPENAI_API_KEY: 'sk-test' };
    const hangingServer = await startSimServer({ port: 0, options: { hang: 1 } });
    try {
      await stopMidway({
        args: args(hangingServer.url),
        cwd,
        lock: 'out/quire.lock',
        signal: 'SIGTERM',
        env,
      });
    } finally {
      await hangingServer.close();
    }
    const server = await startSimServer({ port: 0 });
    try {
      const again = await runMain({ argv: args(server.url), cwd, env });
      expect(again.code, again.stderr).toBe(0);
    } finally {
      await server.close();
    }
  });
});
