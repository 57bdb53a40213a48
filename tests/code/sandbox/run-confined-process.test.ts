import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runConfinedProcess } from '../../../src/code/sandbox/run-confined-process.js';
import { useTempDir } from '../../helpers/temp-dir.js';

/** Running, not merely a zombie waiting for a parent (in containers, PID 1 may never reap it). */
const isRunning = (pid: number) => {
  if (existsSync('/proc')) {
    try {
      return readFileSync(`/proc/${pid}/stat`, 'utf8').split(' ')[2] !== 'Z';
    } catch {
      return false;
    }
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('runConfinedProcess', () => {
  const tempDir = useTempDir();

  it.skipIf(process.platform === 'win32')(
    'kills the whole process group at the time limit, grandchildren included',
    async () => {
      const dir = await tempDir();
      // The child starts a grandchild that would outlive it, records its pid, then spins.
      const script = `
      const { spawn } = require('node:child_process');
      const grandchild = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
      require('node:fs').writeFileSync('grandchild.pid', String(grandchild.pid));
      for (;;) {}
    `;
      const outcome = await runConfinedProcess({
        command: process.execPath,
        args: ['-e', script],
        cwd: dir,
        env: { PATH: process.env.PATH ?? '' },
        timeoutMs: 1_000,
      });
      expect(outcome.timedOut).toBe(true);
      expect(outcome.signal).toBe('SIGKILL');
      const grandchild = Number(await readFile(join(dir, 'grandchild.pid'), 'utf8'));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(isRunning(grandchild)).toBe(false);
    },
  );

  it('keeps the start and the end of a long output', async () => {
    const dir = await tempDir();
    const script =
      "console.log('FIRST'); for (let i = 0; i < 20000; i++) console.log('line ' + i); console.log('LAST');";
    const outcome = await runConfinedProcess({
      command: process.execPath,
      args: ['-e', script],
      cwd: dir,
      env: {},
      timeoutMs: 10_000,
      maxOutputChars: 2_000,
    });
    expect(outcome.exitCode).toBe(0);
    expect(outcome.stdout.startsWith('FIRST')).toBe(true);
    expect(outcome.stdout.trimEnd().endsWith('LAST')).toBe(true);
    expect(outcome.stdout).toContain('characters left out');
    expect(outcome.stdout.length).toBeLessThan(2_200);
  });

  it('reports a command that cannot start instead of throwing', async () => {
    const dir = await tempDir();
    const outcome = await runConfinedProcess({
      command: join(dir, 'no-such-binary'),
      args: [],
      cwd: dir,
      env: {},
      timeoutMs: 1_000,
    });
    expect(outcome.spawnError).toMatch(/ENOENT/);
  });

  it('kills the process and rejects when aborted', async () => {
    const dir = await tempDir();
    const controller = new AbortController();
    const running = runConfinedProcess({
      command: process.execPath,
      args: ['-e', 'setInterval(() => {}, 1000)'],
      cwd: dir,
      env: {},
      timeoutMs: 30_000,
      abortSignal: controller.signal,
    });
    setTimeout(() => controller.abort(new Error('stop')), 100);
    await expect(running).rejects.toThrow('stop');
  });
});
