import { spawn, spawnSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LockHeldError } from '../../src/errors/lock-held-error.js';
import { acquireLock } from '../../src/store/acquire-lock.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();

/** A pid no process has any more: a child that already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.pid'], { stdio: 'ignore' });
  return child.pid;
}

async function writeHolder(path: string, holder: object): Promise<void> {
  await writeFile(path, `${JSON.stringify(holder)}\n`);
}

describe('acquireLock', () => {
  it('holds a lock file recording pid, host and start time, and removes it on release', async () => {
    const path = join(await tempDir(), 'quire.lock');
    const lock = await acquireLock({
      path,
      what: 'run r',
      now: Date.parse('2030-01-02T03:04:05Z'),
    });
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({
      pid: process.pid,
      host: hostname(),
      startedAt: '2030-01-02T03:04:05.000Z',
    });
    await lock.release();
    await lock.release();
    expect(await readdir(join(path, '..'))).toEqual([]);
  });

  it('refuses a second holder, naming the first one by pid and start time', async () => {
    const path = join(await tempDir(), 'quire.lock');
    const first = await acquireLock({
      path,
      what: 'run r',
      now: Date.parse('2030-01-02T03:04:05Z'),
    });
    const error = await acquireLock({ path, what: 'run r' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LockHeldError);
    expect((error as LockHeldError).message).toBe(
      `run r is in use by quire process ${process.pid} on ${hostname()}, started 2030-01-02T03:04:05.000Z: wait for it to finish or stop it; if it no longer runs, delete ${path}.`,
    );
    expect((error as LockHeldError).holder?.pid).toBe(process.pid);
    await first.release();
    await (await acquireLock({ path, what: 'run r' })).release();
  });

  it('takes over a lock whose holder died on this host', async () => {
    const path = join(await tempDir(), 'quire.lock');
    await writeHolder(path, {
      pid: deadPid(),
      host: hostname(),
      startedAt: '2020-01-01T00:00:00Z',
    });
    const lock = await acquireLock({ path, what: 'run r' });
    expect(JSON.parse(await readFile(path, 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });

  it('never breaks a lock held from another host, nor one it cannot read', async () => {
    const dir = await tempDir();
    const remote = join(dir, 'remote.lock');
    await writeHolder(remote, {
      pid: deadPid(),
      host: 'elsewhere',
      startedAt: '2020-01-01T00:00:00Z',
    });
    await expect(acquireLock({ path: remote, what: 'run r' })).rejects.toThrow(
      /in use by quire process \d+ on elsewhere/,
    );
    const foreign = join(dir, 'foreign.lock');
    await writeFile(foreign, 'not a quire lock');
    await expect(acquireLock({ path: foreign, what: 'run r' })).rejects.toThrow(
      /in use by another process \(its lock file is not one quire wrote\)/,
    );
  });

  it.each([
    ['no host', { pid: 12, startedAt: '2020-01-01T00:00:00Z' }],
    ['a pid that is no whole number', { pid: '12', host: 'h', startedAt: '2020-01-01T00:00:00Z' }],
    ['a start time that is no text', { pid: 12, host: 'h', startedAt: 0 }],
  ])(
    'takes a lock record with %s for a lock of unknown origin, never breaking it',
    async (_, holder) => {
      const path = join(await tempDir(), 'quire.lock');
      await writeHolder(path, { ...holder, host: 'host' in holder ? hostname() : undefined });
      await expect(acquireLock({ path, what: 'run r' })).rejects.toThrow(/not one quire wrote/);
    },
  );

  it('takes over a lock naming its own pid, which it does not hold: the pid was reused', async () => {
    const path = join(await tempDir(), 'quire.lock');
    await writeHolder(path, {
      pid: process.pid,
      host: hostname(),
      startedAt: '2020-01-01T00:00:00Z',
    });
    const lock = await acquireLock({ path, what: 'run r' });
    expect(JSON.parse(await readFile(path, 'utf8')).startedAt).not.toBe('2020-01-01T00:00:00Z');
    await lock.release();
  });

  it('leaves the lock of a holder still running on this host', async () => {
    const path = join(await tempDir(), 'quire.lock');
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], {
      stdio: 'ignore',
    });
    try {
      await writeHolder(path, {
        pid: child.pid,
        host: hostname(),
        startedAt: '2020-01-01T00:00:00Z',
      });
      await expect(acquireLock({ path, what: 'run r' })).rejects.toThrow(
        new RegExp(`in use by quire process ${child.pid}`),
      );
    } finally {
      child.kill();
    }
  });

  it('lets exactly one of many concurrent takers in', async () => {
    const path = join(await tempDir(), 'quire.lock');
    await writeHolder(path, {
      pid: deadPid(),
      host: hostname(),
      startedAt: '2020-01-01T00:00:00Z',
    });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, () => acquireLock({ path, what: 'run r' })),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    for (const outcome of outcomes) {
      if (outcome.status === 'fulfilled') await outcome.value.release();
      else expect(outcome.reason).toBeInstanceOf(LockHeldError);
    }
  });

  it('is removed when its process exits without releasing it', async () => {
    const path = join(await tempDir(), 'quire.lock');
    // The built module, as the CLI runs it (the suite builds dist/ first).
    const module = fileURLToPath(new URL('../../dist/store/acquire-lock.js', import.meta.url));
    const script = `const { acquireLock } = await import(${JSON.stringify(module)});
      await acquireLock({ path: ${JSON.stringify(path)}, what: 'r' });
      process.exit(3);`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: 'ignore',
    });
    expect(await new Promise((resolve) => child.on('close', resolve))).toBe(3);
    expect(await readdir(join(path, '..'))).toEqual([]);
  });
});
