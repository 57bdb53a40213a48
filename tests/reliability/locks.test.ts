import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { longbenchJsonl } from '../bench/helpers/longbench-rows.js';
import { runMain } from '../bench/helpers/run-main.js';
import { type SpawnedCli, spawnCli } from '../helpers/spawn-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait-until.js';
import { snapshotTree } from './helpers/snapshot-tree.js';
import { waitForPath } from './helpers/wait-for-path.js';

const tempDir = useTempDir();
const request = 'Write a short guide to the tides of the Bristol Channel';
// Every call of this model hangs until the run is stopped: the process holds its lock as long
// as the test needs it to.
const hanging = 'sim:hang=1';

const holders: SpawnedCli[] = [];
afterEach(async () => {
  for (const holder of holders.splice(0)) {
    holder.child.kill('SIGKILL');
    await holder.exited;
  }
});

/** Starts `args` in the background and waits until it holds `lock` (and made `andPath`). */
async function holding({
  args,
  cwd,
  lock,
  andPath = lock,
}: {
  args: string[];
  cwd: string;
  lock: string;
  andPath?: string;
}) {
  const holder = spawnCli({ args, cwd });
  holders.push(holder);
  await waitForPath({ path: join(cwd, lock), run: holder });
  await waitForPath({ path: join(cwd, andPath), run: holder });
  return holder;
}

/**
 * Runs `quire <args>` in this process: the lock holders are the separate processes here, so the
 * command that meets their lock needs no process of its own (a Node start per case was most of
 * this file's time).
 */
const quire = (args: string[], cwd: string) => runMain({ argv: args, cwd });

/** Exit 2, one line naming the holder by pid and start time, and nothing changed. */
async function expectRefused({
  args,
  cwd,
  holder,
}: {
  args: string[];
  cwd: string;
  holder: SpawnedCli;
}) {
  const result = await quire(args, cwd);
  expect(result.code, result.stderr).toBe(2);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(
    new RegExp(
      `^quire: .* is in use by quire process ${holder.child.pid} on .+, started \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z: wait for it to finish or stop it; if it no longer runs, delete .*\\.lock\\.$`,
    ),
  );
}

// One finished run, written once and copied for each test that needs one.
let template: string;
beforeAll(async () => {
  template = await mkdtemp(join(tmpdir(), 'quire-test-'));
  const result = await quire(
    ['write', '--quality', 'fast', request, '--words', '600', '--model', 'sim', '--out', 'run'],
    template,
  );
  expect(result.code, result.stderr).toBe(0);
});
afterAll(() => rm(template, { recursive: true, force: true }));

/** A working directory holding a finished run in `run`. */
async function withFinishedRun(): Promise<string> {
  const cwd = await tempDir();
  await cp(template, cwd, { recursive: true });
  return cwd;
}

describe('one writer per run directory', () => {
  it('two quire write --out D at once: the second is refused, naming the first', async () => {
    const cwd = await tempDir();
    const args = ['write', '--quality', 'fast', request, '--model', hanging, '--out', 'run'];
    const holder = await holding({ args, cwd, lock: 'run/quire.lock' });
    const readStarts = async () =>
      (await readFile(join(cwd, 'run', 'journal.jsonl'), 'utf8').catch(() => '')).match(
        /"type":"run-start"/g,
      ) ?? [];
    // The holder journals its start just after taking the lock.
    await waitUntil({
      condition: async () => (await readStarts()).length > 0,
      run: holder,
      what: 'run-start in the journal',
    });
    await expectRefused({ args, cwd, holder });
    // Only the first one started a session in the run.
    expect(await readStarts()).toHaveLength(1);
  });

  it('quire resume while the first process still writes, and a second resume', async () => {
    const cwd = await tempDir();
    const holder = await holding({
      args: ['write', '--quality', 'fast', request, '--model', hanging, '--out', 'run'],
      cwd,
      lock: 'run/quire.lock',
      // resume reads run.json before it meets the lock.
      andPath: 'run/run.json',
    });
    await expectRefused({ args: ['resume', 'run'], cwd, holder });
    holder.child.kill('SIGTERM');
    expect(await holder.exited).toBe(143);
    const resumer = await holding({
      args: ['resume', 'run', '--model', hanging],
      cwd,
      lock: 'run/quire.lock',
    });
    await expectRefused({ args: ['resume', 'run'], cwd, holder: resumer });
  });

  it('a lock left by a killed process is taken over, and the run completes', async () => {
    const cwd = await tempDir();
    const holder = await holding({
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
      andPath: 'run/run.json',
    });
    holder.child.kill('SIGKILL');
    await holder.exited;
    expect(await readdir(join(cwd, 'run'))).toContain('quire.lock');
    const resumed = await quire(['resume', 'run', '--model', 'sim'], cwd);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(await readdir(join(cwd, 'run'))).not.toContain('quire.lock');
  });

  it('quire eval writing into a run holds it too', async () => {
    const cwd = await withFinishedRun();
    const holder = await holding({
      args: ['eval', 'run', '--judge', hanging],
      cwd,
      lock: 'run/quire.lock',
    });
    await expectRefused({ args: ['resume', 'run'], cwd, holder });
    await expectRefused({ args: ['eval', 'run'], cwd, holder });
  });
});

describe('one writer per output file and benchmark folder', () => {
  it('two quire sft --out F at once', async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, 'instructions.jsonl'), '{"prompt": "Write 300 words on tides."}\n');
    const args = ['sft', 'instructions.jsonl', '--out', 'data.jsonl', '--model', hanging];
    const holder = await holding({ args, cwd, lock: 'data.jsonl.lock' });
    await expectRefused({ args, cwd, holder });
  });

  it('two quire bench longbench-write --out D at once', async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, 'data.jsonl'), longbenchJsonl());
    const args = [
      'bench',
      'longbench-write',
      '--data',
      'data.jsonl',
      '--mode',
      'direct',
      '--model',
      hanging,
      '--out',
      'out',
    ];
    const holder = await holding({ args, cwd, lock: 'out/quire.lock' });
    await expectRefused({ args, cwd, holder });
  });

  it('two quire bench sgt --out D at once', async () => {
    const cwd = await tempDir();
    await mkdir(join(cwd, 'tasks'));
    const generated = await quire(['bench', 'sgt', '--generate', '1', '--out', 'tasks'], cwd);
    expect(generated.code, generated.stderr).toBe(0);
    const args = [
      'bench',
      'sgt',
      '--data',
      'tasks/sgt-tasks-n1-seed1.json',
      '--model',
      hanging,
      '--out',
      'out',
    ];
    const holder = await holding({ args, cwd, lock: 'out/quire.lock' });
    await expectRefused({ args, cwd, holder });
  });
});

describe('quire write --out <existing run> never silently resumes another request', () => {
  it.each([
    [['Another request entirely'], /which the request would change/],
    [[request, '--words', '900'], /which --words 900 \(the run's is 600\) would change/],
    [
      [request, '--plan', 'plan.json'],
      /which --plan plan\.json \(the run has its plan\) would change/,
    ],
    [
      [request, '--constraints', 'constraints.json'],
      /which --constraints constraints\.json would change/,
    ],
    [[request, '--lang', 'zh'], /which --lang zh \(the run's is en\) would change/],
  ])('%j is refused by name, pointing to quire resume', async (given, message) => {
    const cwd = await withFinishedRun();
    await writeFile(
      join(cwd, 'plan.json'),
      '{"title": "T", "sections": [{"title": "A", "brief": "B", "words": 600}]}',
    );
    await writeFile(
      join(cwd, 'constraints.json'),
      '{"segments": 2, "unit": "Part", "constraints": [{"type": "once", "segment": 1, "event": "a bore"}]}',
    );
    const before = await snapshotTree(cwd);
    const result = await quire(
      ['write', '--quality', 'fast', ...given, '--model', 'sim', '--out', 'run'],
      cwd,
    );
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^quire: --out run already holds a run of "Write a short guide/);
    expect(lines[0]).toMatch(message);
    expect(lines[0]).toMatch(
      /continue that run as it is with quire resume run, or choose another --out\.$/,
    );
    expect(await snapshotTree(cwd)).toEqual(before);
  });

  it('the same request again continues the run', async () => {
    const cwd = await withFinishedRun();
    const args = [
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
    ];
    const again = await quire(args, cwd);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('(resumed)');
  });
});
