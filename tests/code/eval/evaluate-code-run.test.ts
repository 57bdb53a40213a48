import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatError } from '../../../src/cli/format-error.js';
import { evaluateCodeRun } from '../../../src/code/eval/evaluate-code-run.js';
import { formatCodeEvalSummary } from '../../../src/code/eval/format-code-eval-summary.js';
import { InputFileError } from '../../../src/errors/input-file-error.js';
import { useTempDir } from '../../helpers/temp-dir.js';
import { createWorkspace, noRetry } from '../helpers/builders.js';
import { testSandbox } from '../helpers/sandbox.js';
import { jsonTurn, scriptedToolModel } from '../helpers/tool-model.js';

const checklist =
  '1. **Links**:\n   - [ ] 1.1. Users can shorten a URL.\n   - [ ] 1.2. Short URLs expire.\n   - [ ] 1.3. Admins can delete links.\n';

describe('evaluateCodeRun', () => {
  const tempDir = useTempDir();

  async function runWithCode() {
    const runDir = await tempDir();
    const workspace = await createWorkspace(runDir);
    await workspace.write(
      'src/links.js',
      '/** Short links. */\nexport function shorten(url) {\n  return { url, code: url.length.toString(36) };\n}\n',
    );
    await workspace.write(
      'test/links.test.js',
      "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { shorten } from '../src/links.js';\ntest('shortens', () => assert.equal(shorten('abc').url, 'abc'));\ntest('fails', () => assert.equal(1, 2));\n",
    );
    await workspace.write('src/broken.js', 'export const = 1;\n');
    await writeFile(join(runDir, 'checklist.md'), checklist);
    return runDir;
  }

  it('reports tests, lines of code, syntax errors and the judge’s Features %', async () => {
    const runDir = await runWithCode();
    const judge = scriptedToolModel([
      jsonTurn({
        items: [
          { id: 'F1', evidence: 'shorten() in src/links.js', implemented: true },
          { id: 'F3', evidence: 'nothing deletes', implemented: false },
        ],
      }),
      jsonTurn({ items: [{ id: 'F2', evidence: 'no expiry anywhere', implemented: false }] }),
    ]);
    const report = await evaluateCodeRun({
      runDir,
      sandbox: await testSandbox(),
      checklistFile: join(runDir, 'checklist.md'),
      judge: { model: judge, retry: noRetry, name: 'scripted' },
      testTimeoutMs: 20_000,
    });
    expect(report.workspace).toBe(join(runDir, 'workspace'));
    expect(report.tests).toMatchObject({
      status: 'failed',
      totals: { tests: 2, passed: 1, failed: 1 },
      failing: [{ path: 'test/links.test.js', failures: ['fails'] }],
    });
    expect(report.code).toMatchObject({ files: 3, linesOfCode: 9, testLinesOfCode: 5 });
    expect(report.syntaxErrors).toEqual([
      expect.objectContaining({ location: expect.objectContaining({ path: 'src/broken.js' }) }),
    ]);
    expect(report.features).toMatchObject({
      total: 3,
      implemented: 1,
      undecided: 0,
      percent: 33.3,
      judge: 'scripted',
    });
    expect(report.features?.items.map((item) => [item.id, item.implemented])).toEqual([
      ['F1', true],
      ['F2', false],
      ['F3', false],
    ]);
    // The first call asked about every item and showed the code; the second only the one it skipped.
    expect(JSON.stringify(judge.doStreamCalls[0]?.prompt)).toContain(
      'F3: 1.3. Admins can delete links.',
    );
    expect(JSON.stringify(judge.doStreamCalls[0]?.prompt)).toContain('=== src/links.js ===');
    expect(JSON.stringify(judge.doStreamCalls[1]?.prompt)).not.toContain('F1: ');
    expect(formatCodeEvalSummary(report)).toEqual([
      'tests: 1 passed, 1 failed of 2 in 1 file(s) (failed)',
      'code: 9 lines in 3 file(s), 5 of them tests',
      'syntax errors: 1',
      'features: 33.3% (1/3 implemented; judge scripted)',
    ]);
  });

  it('counts items the judge never decided, instead of dropping them', async () => {
    const runDir = await runWithCode();
    const judge = scriptedToolModel([
      jsonTurn({ items: [{ id: 'F1', evidence: 'yes', implemented: true }] }),
      jsonTurn({ items: [] }),
    ]);
    const report = await evaluateCodeRun({
      runDir,
      sandbox: await testSandbox(),
      checklistFile: join(runDir, 'checklist.md'),
      judge: { model: judge, retry: noRetry, name: 'scripted' },
    });
    expect(report.features).toMatchObject({
      total: 3,
      implemented: 1,
      undecided: 2,
      percent: 33.3,
    });
  });

  it('without a judge, reports everything but Features %', async () => {
    const runDir = await runWithCode();
    const report = await evaluateCodeRun({
      runDir,
      sandbox: await testSandbox(),
      checklistFile: join(runDir, 'checklist.md'),
    });
    expect(report.features).toBeNull();
    expect(report.checklist).toHaveLength(3);
    expect(formatCodeEvalSummary(report).at(-1)).toBe(
      'features: not judged (3 checklist items; pass --judge <model> for Features %)',
    );
  });

  it.each([
    [
      'a checklist with no items',
      '# Requirements\nUsers can shorten URLs.\n',
      'invalidContent',
      /has no checklist items/,
    ],
    ['an empty checklist', '  \n', 'empty', /is empty/],
  ])('refuses %s with one clear line and exit code 2', async (_name, text, problem, message) => {
    const runDir = await runWithCode();
    await writeFile(join(runDir, 'checklist.md'), text);
    const error = await evaluateCodeRun({
      runDir,
      sandbox: await testSandbox(),
      checklistFile: join(runDir, 'checklist.md'),
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputFileError);
    expect(error).toMatchObject({ problem, message: expect.stringMatching(message) });
    const shown = formatError({ error, command: 'eval' });
    expect(shown.exitCode).toBe(2);
    expect(shown.message.split('\n')).toHaveLength(1);
  });

  it('refuses a missing checklist file and a missing run folder', async () => {
    const runDir = await runWithCode();
    await expect(
      evaluateCodeRun({ runDir, checklistFile: join(runDir, 'nope.md') }),
    ).rejects.toMatchObject({
      problem: 'missing',
      message: expect.stringContaining('--checklist'),
    });
    await expect(
      evaluateCodeRun({
        runDir: join(runDir, 'nope'),
        checklistFile: join(runDir, 'checklist.md'),
      }),
    ).rejects.toMatchObject({ problem: 'missing' });
  });
});
