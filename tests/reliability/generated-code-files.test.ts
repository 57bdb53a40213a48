import { mkdir, readdir, readFile, stat, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateCodeRun } from '../../src/code/eval/evaluate-code-run.js';
import { openCodeRunStore } from '../../src/code/run/open-code-run-store.js';
import { runCode } from '../../src/code/run/run-code.js';
import { SandboxUnavailableError } from '../../src/errors/sandbox-unavailable-error.js';
import { WorkspacePathError } from '../../src/errors/workspace-path-error.js';
import { noRetry } from '../code/helpers/builders.js';
import { bubblewrapOrRefusal } from '../code/helpers/sandbox.js';
import { scriptedToolModel } from '../code/helpers/tool-model.js';
import { useTempDir } from '../helpers/temp-dir.js';
import {
  attackSpec,
  attackTest,
  attackTurns,
  attemptEscape,
  call,
  expectReported,
} from './helpers/escape-attempt.js';

/**
 * Escape attempts through names, links and paths: what the model asks the tools for, and what a
 * downloaded or damaged run directory holds. Each attempt must fail, and quire must go on and
 * say why.
 */
describe('generated code that attacks through names and paths', { timeout: 120_000 }, () => {
  const tempDir = useTempDir();

  it('cannot create files named like options through the tools', async () => {
    const base = await tempDir();
    const attack = await attemptEscape({
      base,
      turns: [
        call('write_files', {
          files: [
            { path: '--require=evil.cjs', content: 'console.log("EVIL")' },
            { path: 'src/--import=evil.js', content: 'console.log("EVIL")' },
            { path: '-', content: 'x' },
          ],
        }),
        call('list_files', {}),
        { text: 'Done.' },
      ],
    });
    if (attack === undefined) return;
    expect(attack.result.status).toBe('incomplete');
    expect(attack.feedback.match(/refused, .* starting with "-"/g)).toHaveLength(3);
    expect(attack.feedback).toContain('1 file(s):\npackage.json');
  });

  it('never passes an option-like file name of a downloaded codebase to Node as an option', async () => {
    const base = await tempDir();
    const codebase = join(base, 'downloaded');
    const marker = join(base, 'preloaded');
    // Loaded as a preload, it would try to leave a mark outside, then fail the check it ran in.
    const evil = `console.error('EVIL LOADED'); try { require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'x'); } catch {}\nprocess.exit(3);\n`;
    await mkdir(join(codebase, 'node_modules'), { recursive: true });
    // Read as options, these names would preload node_modules/evil.cjs before any check.
    await writeFile(join(codebase, '--require=evil.cjs'), 'module.exports = 1;\n');
    await writeFile(
      join(codebase, '--require=evil.test.js'),
      "const { test } = require('node:test');\ntest('fine', () => {});\n",
    );
    await writeFile(join(codebase, 'node_modules', 'evil.cjs'), evil);
    await writeFile(join(codebase, 'node_modules', 'evil.test.js'), evil);
    await writeFile(join(base, 'checklist.md'), '- [ ] 1. Anything.\n');
    const sandbox = await bubblewrapOrRefusal();
    const evaluate = () =>
      evaluateCodeRun({
        runDir: codebase,
        checklistFile: join(base, 'checklist.md'),
        ...(sandbox !== undefined && { sandbox }),
      });
    if (sandbox === undefined) {
      await expect(evaluate()).rejects.toBeInstanceOf(SandboxUnavailableError);
      return;
    }
    const report = await evaluate();
    expect(report.tests).toMatchObject({
      status: 'passed',
      totals: { files: 1, tests: 1, passed: 1 },
      confinement: 'bubblewrap',
    });
    expect(report.syntaxErrors).toEqual([]);
    expect(JSON.stringify(report)).not.toContain('EVIL LOADED');
    await expect(stat(marker)).rejects.toThrow();
  });

  it('cannot follow a link planted in the project to a file outside it', async () => {
    const base = await tempDir();
    await writeFile(join(base, 'secret.txt'), 'the-host-secret');
    const attack = await attemptEscape({
      base,
      prepare: async (runDir) => {
        await mkdir(join(runDir, 'workspace'), { recursive: true });
        await symlink(join(base, 'secret.txt'), join(runDir, 'workspace', 'data.txt'));
      },
      turns: [
        call('read_files', { paths: ['data.txt'] }),
        ...attackTurns({
          'test/attack.test.js': attackTest(`
  const text = fs.readFileSync('data.txt', 'utf8');
  console.log(text);
  assert.match(text, /secret/);`),
        }),
      ],
    });
    if (attack === undefined) return;
    expectReported(attack, /ENOENT/);
    expect(attack.feedback).toContain('a symbolic link on the way leads outside the project');
    expect(attack.everything).not.toContain('the-host-secret');
  });

  it('cannot make links of its own to reach the disk', async () => {
    const base = await tempDir();
    await writeFile(join(base, 'secret.txt'), 'the-host-secret');
    const attack = await attemptEscape({
      base,
      turns: attackTurns({
        'test/attack.test.js': attackTest(`
  const link = os.tmpdir() + '/root';
  fs.symlinkSync('/', link);
  console.log(fs.readFileSync(link + ${JSON.stringify(join(base, 'secret.txt'))}, 'utf8'));`),
      }),
    });
    if (attack === undefined) return;
    expectReported(attack, /ERR_ACCESS_DENIED|ENOENT/);
    expect(attack.everything).not.toContain('the-host-secret');
  });

  it('cannot widen its reach through glob characters in the run path', async () => {
    const base = await tempDir();
    // Read as a pattern, "run*" would also cover this neighbour.
    await mkdir(join(base, 'run-neighbour', 'workspace'), { recursive: true });
    await writeFile(join(base, 'run-neighbour', 'workspace', 'secret.txt'), 'the-neighbour-secret');
    const attack = await attemptEscape({
      base,
      runName: 'run*',
      turns: attackTurns({
        'test/attack.test.js': attackTest(`
  const found = [];
  for (const path of ['../../run-neighbour/workspace/secret.txt', ${JSON.stringify(join(base, 'run-neighbour', 'workspace', 'secret.txt'))}]) {
    try { found.push(fs.readFileSync(path, 'utf8')); } catch (error) { found.push(error.code); }
  }
  console.log('found: ' + found.join(' '));
  assert.match(found.join(' '), /secret/);`),
      }),
    });
    if (attack === undefined) return;
    expectReported(attack, /found: (ERR_ACCESS_DENIED|ENOENT) (ERR_ACCESS_DENIED|ENOENT)/);
    expect(attack.everything).not.toContain('the-neighbour-secret');
  });

  it('cannot write outside through a run whose workspace is itself a link', async () => {
    const base = await tempDir();
    const elsewhere = join(base, 'elsewhere');
    await mkdir(elsewhere);
    const runDir = join(base, 'run');
    const store = await openCodeRunStore({ runDir });
    await symlink(elsewhere, join(runDir, 'workspace'));
    const sandbox = await bubblewrapOrRefusal();
    const model = scriptedToolModel(
      attackTurns({ 'test/attack.test.js': attackTest('fs.writeFileSync("pwned", "x");') }),
    );
    const error = await runCode({
      spec: attackSpec,
      call: { model, retry: noRetry },
      model: { spec: 'scripted', modelId: 'scripted', simulated: false },
      store,
      ...(sandbox !== undefined && { sandbox }),
    }).catch((caught: unknown) => caught);
    await store.close();
    expect(error instanceof WorkspacePathError || error instanceof SandboxUnavailableError).toBe(
      true,
    );
    if (error instanceof WorkspacePathError) {
      expect(error.problem).toBe('rootNotFolder');
      expect(model.doStreamCalls).toHaveLength(0);
      const record = JSON.parse(await readFile(join(runDir, 'run.json'), 'utf8'));
      expect(record).toMatchObject({ status: 'failed', error: expect.stringContaining('link') });
    }
    expect(await readdir(elsewhere)).toEqual([]);
    await writeFile(join(base, 'checklist.md'), '- [ ] 1. Anything.\n');
    await expect(
      evaluateCodeRun({
        runDir,
        checklistFile: join(base, 'checklist.md'),
        ...(sandbox !== undefined && { sandbox }),
      }),
    ).rejects.toMatchObject({ problem: 'rootNotFolder' });
  });

  it('cannot make list_files or read_files read a huge sparse file planted in the project', async () => {
    const attack = await attemptEscape({
      base: await tempDir(),
      prepare: async (runDir) => {
        await mkdir(join(runDir, 'workspace', 'src'), { recursive: true });
        await writeFile(join(runDir, 'workspace', 'src', 'huge.js'), '// Planted.\n');
        await truncate(join(runDir, 'workspace', 'src', 'huge.js'), 20 * 1024 ** 3);
      },
      turns: [
        call('list_files', {}),
        call('read_files', { paths: ['src/huge.js'] }),
        { text: 'Done.' },
      ],
    });
    if (attack === undefined) return;
    expect(attack.result.status).toBe('incomplete');
    expect(attack.feedback).toContain('src/huge.js (21474836480 bytes) — Planted.');
    expect(attack.feedback).toContain(
      '"src/huge.js" is 21474836480 bytes, over the 1048576-byte limit of files quire reads',
    );
  });

  it('cannot write or delete outside the project through the tools', async () => {
    const base = await tempDir();
    await writeFile(join(base, 'keep.txt'), 'kept');
    const attack = await attemptEscape({
      base,
      turns: [
        call('write_files', {
          files: [
            { path: '../escaped.js', content: 'x' },
            { path: join(base, 'escaped.js'), content: 'x' },
            { path: 'a/../../../escaped.js', content: 'x' },
          ],
        }),
        call('delete_files', { paths: ['../../keep.txt', join(base, 'keep.txt')] }),
        { text: 'Done.' },
      ],
    });
    if (attack === undefined) return;
    expect(attack.result.status).toBe('incomplete');
    expect(attack.feedback.match(/refused|not deleted/g)).toHaveLength(5);
    expect((await readdir(base)).sort()).toEqual(['keep.txt', 'run']);
    expect(await readFile(join(base, 'keep.txt'), 'utf8')).toBe('kept');
  });
});
