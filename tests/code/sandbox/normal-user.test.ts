import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { chmod, cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { findExecutable } from '../../../src/code/sandbox/find-executable.js';
import { taskAllowance } from '../../../src/code/sandbox/limit-arguments.js';
import { useTempDir } from '../../helpers/temp-dir.js';
import { bubblewrapOrRefusal, forkLoopScript } from '../helpers/sandbox.js';

const run = promisify(execFile);
/** The user the test acts as when the suite runs as root: `nobody`. */
const nobody = 65_534;
/** More processes than the sandbox's own allowance, so a limit counting them would bite. */
const ownProcesses = taskAllowance + 8;

/**
 * quire run by a normal user: bubblewrap makes a user namespace, and the process limit must
 * leave room for the user's own processes while still stopping a fork loop. Under root the test
 * runs quire's sandbox code as `nobody` (copied out of `dist/`, so that user can read it).
 */
describe('the sandbox for a normal user', { timeout: 120_000 }, () => {
  const tempDir = useTempDir();
  const started: ChildProcess[] = [];
  afterEach(() => {
    for (const child of started.splice(0)) child.kill('SIGKILL');
  });

  it('stops a fork loop without touching the processes the user already runs', async () => {
    if ((await bubblewrapOrRefusal()) === undefined) return;
    const root = process.getuid?.() === 0;
    const setpriv = await findExecutable({ name: 'setpriv' });
    expect(setpriv).toBeDefined();
    const asUser = (command: string[]) =>
      root
        ? [setpriv!, `--reuid=${nobody}`, `--regid=${nobody}`, '--clear-groups', ...command]
        : command;

    const base = await tempDir();
    await chmod(base, 0o755);
    for (const folder of ['code/sandbox', 'code/workspace', 'errors']) {
      await cp(join('dist', folder), join(base, 'quire', 'dist', folder), { recursive: true });
    }
    await writeFile(join(base, 'quire', 'package.json'), '{"type":"module"}\n');
    await writeFile(
      join(base, 'quire', 'fixture.mjs'),
      `import { openSandbox } from './dist/code/sandbox/open-sandbox.js';
try {
  const sandbox = await openSandbox({ env: { PATH: process.env.PATH } });
  const outcome = await sandbox.run({ root: process.argv[2], args: ['--', './fork.cjs'], timeoutMs: 30000, memoryLimitMb: 64, diskQuotaMb: 8, permissionModel: false });
  console.log(JSON.stringify({ confinement: sandbox.confinement, fork: JSON.parse(outcome.stdout.trim().split('\\n').at(-1) || 'null') }));
} catch (error) {
  console.log(JSON.stringify({ refused: error.code, message: error.message }));
}
`,
    );
    await mkdir(join(base, 'workspace'));
    await writeFile(join(base, 'workspace', 'fork.cjs'), forkLoopScript);
    await run('chmod', ['-R', 'a+rX', base]);

    for (let index = 0; index < ownProcesses; index++) {
      const [command, ...args] = asUser(['/usr/bin/sleep', '60']);
      started.push(spawn(command!, args, { stdio: 'ignore' }));
    }
    const [command, ...args] = asUser([
      process.execPath,
      join(base, 'quire', 'fixture.mjs'),
      join(base, 'workspace'),
    ]);
    const { stdout } = await run(command!, args, {
      cwd: join(base, 'quire'),
      env: { PATH: process.env.PATH ?? '' },
    });
    const result = JSON.parse(stdout.trim().split('\n').at(-1)!);
    if (result.refused !== undefined) {
      // Where this kernel forbids user namespaces to normal users, quire refuses, as it must.
      expect(result).toMatchObject({ refused: 'sandbox-unavailable' });
      return;
    }
    expect(result.confinement).toBe('bubblewrap');
    expect(result.fork.failed).toBe('EAGAIN');
    expect(result.fork.started).toBeGreaterThan(0);
    expect(result.fork.started).toBeLessThan(taskAllowance);
    expect(started.every((child) => child.exitCode === null && child.signalCode === null)).toBe(
      true,
    );
  });
});
