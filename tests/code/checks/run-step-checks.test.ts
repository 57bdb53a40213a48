import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCheckFeedback } from '../../../src/code/checks/format-check-feedback.js';
import { runStepChecks } from '../../../src/code/checks/run-step-checks.js';
import { openWorkspace } from '../../../src/code/workspace/workspace.js';
import { useTempDir } from '../../helpers/temp-dir.js';
import { testLimits as limits, testSandbox } from '../helpers/sandbox.js';

describe('runStepChecks', () => {
  const tempDir = useTempDir();
  const setup = async (files: Record<string, string>) => {
    const workspace = await openWorkspace({ root: join(await tempDir(), 'workspace') });
    await workspace.write('package.json', '{"type":"module"}');
    for (const [path, content] of Object.entries(files)) await workspace.write(path, content);
    return workspace;
  };
  const module = 'export const double = (n) => n * 2;\n';
  const test =
    "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { double } from '../src/double.js';\ntest('doubles', () => assert.equal(double(2), 4));\n";

  it('passes a step that wrote code and a passing test', async () => {
    const workspace = await setup({ 'src/double.js': module, 'test/double.test.js': test });
    const result = await runStepChecks({
      sandbox: await testSandbox(),
      workspace,
      writtenPaths: ['src/double.js', 'test/double.test.js'],
      requireTests: true,
      limits,
    });
    expect(result).toMatchObject({
      passed: true,
      findings: [],
      syntaxChecked: ['src/double.js', 'test/double.test.js'],
    });
    expect(result.tests?.totals).toMatchObject({ tests: 1, passed: 1 });
    expect(formatCheckFeedback({ heading: 'Step checks', result })).toContain(
      'Step checks: PASSED',
    );
  });

  it('fails a step asked for tests that wrote none, even when older tests pass', async () => {
    const workspace = await setup({
      'src/double.js': module,
      'test/double.test.js': test,
      'src/extra.js': 'export const x = 1;\n',
    });
    const result = await runStepChecks({
      sandbox: await testSandbox(),
      workspace,
      writtenPaths: ['src/extra.js'],
      requireTests: true,
      limits,
    });
    expect(result.passed).toBe(false);
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(['no-tests']);
  });

  it('fails on "no tests" when the workspace has none at all', async () => {
    const workspace = await setup({ 'src/double.js': module });
    const result = await runStepChecks({
      sandbox: await testSandbox(),
      workspace,
      writtenPaths: ['src/double.js'],
      requireTests: true,
      limits,
    });
    expect(result.tests).toBeUndefined();
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(['no-tests']);
  });

  it('lets a step that needs no tests pass without any', async () => {
    const workspace = await setup({ 'README.md': '# x' });
    const result = await runStepChecks({
      sandbox: await testSandbox(),
      workspace,
      writtenPaths: ['README.md'],
      requireTests: false,
      limits,
    });
    expect(result.passed).toBe(true);
  });

  it('fails on a syntax error and on a regression in an earlier test, and says both', async () => {
    const workspace = await setup({
      'src/double.js': 'export const double = (n) => n * 3;\n',
      'test/double.test.js': test,
      'src/broken.js': 'export const = 1;\n',
      'test/broken.test.js': "import { test } from 'node:test';\ntest('ok', () => {});\n",
    });
    const result = await runStepChecks({
      sandbox: await testSandbox(),
      workspace,
      writtenPaths: ['src/broken.js', 'test/broken.test.js'],
      requireTests: true,
      limits,
    });
    expect(result.passed).toBe(false);
    expect(result.findings.map((finding) => finding.ruleId).sort()).toEqual([
      'syntax-error',
      'test-failed',
    ]);
    const feedback = formatCheckFeedback({ heading: 'Step checks', result });
    expect(feedback).toContain('FAILED');
    expect(feedback).toContain('src/broken.js:1');
    expect(feedback).toContain('test/double.test.js has 1 failing test(s): doubles');
    expect(feedback).toContain('Output of test/double.test.js');
  });
});
