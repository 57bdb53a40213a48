import { stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findExecutable } from '../../../src/code/sandbox/find-executable.js';
import { createUnconfinedSandbox } from '../../../src/code/sandbox/unconfined-sandbox.js';
import { openWorkspace } from '../../../src/code/workspace/workspace.js';
import { useTempDir } from '../../helpers/temp-dir.js';

/** The weaker sandbox a user may opt into: Node's permission model, prlimit, a clean environment. */
describe('the unconfined sandbox', { timeout: 60_000 }, () => {
  const tempDir = useTempDir();

  async function setup() {
    const base = await tempDir();
    await writeFile(join(base, 'secret.txt'), 'top secret');
    const workspace = await openWorkspace({ root: join(base, 'workspace') });
    const prlimit = await findExecutable({ name: 'prlimit' });
    // On Linux, util-linux's prlimit is always there; elsewhere no kernel limit can be set.
    if (process.platform === 'linux') expect(prlimit).toBeDefined();
    const sandbox = createUnconfinedSandbox({
      weakness: 'bubblewrap (bwrap) is not installed',
      prlimit,
      nodePath: process.execPath,
      env: { PATH: process.env.PATH, OPENAI_API_KEY: 'sk-must-not-leak' },
      userId: process.getuid?.() ?? -1,
    });
    return { base, workspace, sandbox, prlimit };
  }

  it('keeps the project read-only, the rest of the disk unreadable and the key out, and removes its scratch folder', async () => {
    const { base, workspace, sandbox } = await setup();
    await workspace.write(
      'probe.cjs',
      `const fs = require('node:fs');
const attempt = (act) => { try { act(); return 'done'; } catch (error) { return error.code; } };
console.log(JSON.stringify({
  scratch: require('node:os').tmpdir(),
  key: process.env.OPENAI_API_KEY ?? null,
  readOutside: attempt(() => fs.readFileSync(${JSON.stringify(join(base, 'secret.txt'))})),
  writeProject: attempt(() => fs.writeFileSync('planted.js', 'x')),
  writeScratch: attempt(() => fs.writeFileSync(require('node:os').tmpdir() + '/x', 'x')),
  spawn: attempt(() => require('node:child_process').execSync('true')),
}));`,
    );
    const outcome = await sandbox.run({
      root: workspace.root,
      args: ['--', './probe.cjs'],
      timeoutMs: 30_000,
      memoryLimitMb: 64,
      diskQuotaMb: 8,
    });
    const result = JSON.parse(outcome.stdout);
    expect(result).toEqual({
      scratch: expect.stringContaining('quire-scratch-'),
      key: null,
      readOutside: 'ERR_ACCESS_DENIED',
      writeProject: 'ERR_ACCESS_DENIED',
      writeScratch: 'done',
      spawn: 'ERR_ACCESS_DENIED',
    });
    await expect(stat(result.scratch)).rejects.toThrow();
  });

  it('still applies the kernel limits on memory and file size', async () => {
    const { workspace, sandbox, prlimit } = await setup();
    if (prlimit === undefined) return;
    await workspace.write(
      'probe.cjs',
      `const attempt = (act) => { try { act(); return 'done'; } catch (error) { return error.code ?? error.message; } };
console.log(JSON.stringify({
  memory: attempt(() => Buffer.alloc(1024 ** 3)),
  file: attempt(() => require('node:fs').writeFileSync(require('node:os').tmpdir() + '/big', Buffer.alloc(3 * 1024 * 1024))),
}));`,
    );
    const outcome = await sandbox.run({
      root: workspace.root,
      args: ['--', './probe.cjs'],
      timeoutMs: 30_000,
      memoryLimitMb: 64,
      diskQuotaMb: 2,
    });
    expect(JSON.parse(outcome.stdout)).toEqual({
      memory: 'Array buffer allocation failed',
      file: 'EFBIG',
    });
  });

  it('refuses a project whose path Node would read as a pattern, or that holds a link leading out', async () => {
    const { base, sandbox } = await setup();
    const starred = await openWorkspace({ root: join(base, 'run*', 'workspace') });
    expect(await sandbox.refusal(starred.root)).toMatch(/"\*" or ","/);
    const linked = await openWorkspace({ root: join(base, 'linked') });
    await symlink(join(base, 'secret.txt'), join(linked.root, 'data.txt'));
    expect(await sandbox.refusal(linked.root)).toMatch(
      /symbolic links leading outside it \(data\.txt\)/,
    );
    const clean = await openWorkspace({ root: join(base, 'clean') });
    expect(await sandbox.refusal(clean.root)).toBeUndefined();
  });
});
