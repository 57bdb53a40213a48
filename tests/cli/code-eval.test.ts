import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cli-io.js';
import { runCodeEval } from '../../src/cli/commands/code-eval.js';
import { formatError } from '../../src/cli/format-error.js';
import { openWorkspace } from '../../src/code/workspace/workspace.js';
import { useTempDir } from '../helpers/temp-dir.js';

function captureIo(cwd: string) {
  const output = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: { write: (text: string) => (output.stdout += text) },
    stderr: { write: (text: string) => (output.stderr += text) },
    env: { PATH: process.env.PATH },
    cwd,
  };
  return { io, output };
}

describe('quire eval --code (runCodeEval)', () => {
  const tempDir = useTempDir();
  const abortSignal = new AbortController().signal;

  async function codeRun() {
    const cwd = await tempDir();
    const workspace = await openWorkspace({ root: join(cwd, 'run', 'workspace') });
    await workspace.write('src/a.js', 'export const a = 1;\n');
    await workspace.write(
      'test/a.test.js',
      "import { test } from 'node:test';\ntest('a', () => {});\n",
    );
    await writeFile(join(cwd, 'checklist.md'), '- [ ] 1.1. Has a.\n- [ ] 1.2. Has b.\n');
    return cwd;
  }

  it('writes code-eval.json beside the run report and prints a summary', async () => {
    const cwd = await codeRun();
    const { io, output } = captureIo(cwd);
    await runCodeEval({ target: 'run', options: { checklist: 'checklist.md' }, io, abortSignal });
    expect(output.stdout).toContain('tests: 1 passed, 0 failed of 1 in 1 file(s) (passed)');
    expect(output.stdout).toContain('features: not judged (2 checklist items');
    const report = JSON.parse(await readFile(join(cwd, 'run', 'code-eval.json'), 'utf8'));
    expect(report).toMatchObject({ kind: 'code-eval', features: null, code: { linesOfCode: 3 } });
  });

  it('judges features with --judge (here the simulated judge) and prints JSON with --json', async () => {
    const cwd = await codeRun();
    const { io, output } = captureIo(cwd);
    await runCodeEval({
      target: 'run',
      options: { checklist: 'checklist.md', judge: 'sim:seed=3', json: true, report: 'out.json' },
      io,
      abortSignal,
    });
    expect(output.stderr).toContain('the judge is the simulated model');
    const printed = JSON.parse(output.stdout);
    expect(printed.features).toMatchObject({ total: 2, judge: 'sim:seed=3' });
    expect(printed.features.implemented + printed.features.undecided).toBeLessThanOrEqual(2);
    expect(JSON.parse(await readFile(join(cwd, 'out.json'), 'utf8'))).toEqual(printed);
  });

  it.each([
    ['no --checklist', {}, /needs --checklist/],
    ['a checklist with no items', { checklist: 'plain.md' }, /has no checklist items/],
    ['a missing checklist', { checklist: 'nope.md' }, /does not exist/],
  ])('refuses %s with one line and exit 2', async (_name, options, message) => {
    const cwd = await codeRun();
    await writeFile(join(cwd, 'plain.md'), 'Users can shorten URLs.\n');
    const { io } = captureIo(cwd);
    const error = await runCodeEval({ target: 'run', options, io, abortSignal }).catch(
      (caught: unknown) => caught,
    );
    const shown = formatError({ error, command: 'eval' });
    expect(shown.exitCode).toBe(2);
    expect(shown.message).toMatch(message);
    expect(shown.message.split('\n')).toHaveLength(1);
    await expect(readFile(join(cwd, 'run', 'code-eval.json'))).rejects.toThrow();
  });

  it('runs a downloaded codebase only in the sandbox: where bubblewrap is missing it refuses, unless allowed', async () => {
    const cwd = await codeRun();
    const { io, output } = captureIo(cwd);
    io.env = { PATH: join(cwd, 'no-tools') };
    const error = await runCodeEval({
      target: 'run',
      options: { checklist: 'checklist.md' },
      io,
      abortSignal,
    }).catch((caught: unknown) => caught);
    expect(formatError({ error, command: 'eval' })).toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('bubblewrap (bwrap) is not installed'),
    });
    await expect(readFile(join(cwd, 'run', 'code-eval.json'))).rejects.toThrow();
    await runCodeEval({
      target: 'run',
      options: { checklist: 'checklist.md', allowUnconfined: true },
      io,
      abortSignal,
    });
    expect(output.stderr).toContain('generated code runs unconfined (--allow-unconfined)');
    const report = JSON.parse(await readFile(join(cwd, 'run', 'code-eval.json'), 'utf8'));
    expect(report.tests).toMatchObject({ status: 'passed', confinement: 'unconfined' });
  });
});
