import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runNodeTests } from '../../../src/code/checks/run-node-tests.js';
import { testFindings } from '../../../src/code/checks/run-step-checks.js';
import { openWorkspace } from '../../../src/code/workspace/workspace.js';
import { useTempDir } from '../../helpers/temp-dir.js';
import { testLimits as limits, testSandbox } from '../helpers/sandbox.js';

describe('runNodeTests', () => {
  const tempDir = useTempDir();

  async function workspaceWith(files: Record<string, string>) {
    const base = await tempDir();
    await writeFile(join(base, 'secret.txt'), 'top secret');
    const workspace = await openWorkspace({ root: join(base, 'workspace') });
    await workspace.write('package.json', '{"type":"module"}');
    for (const [path, content] of Object.entries(files)) await workspace.write(path, content);
    return { base, workspace };
  }

  const test = (body: string) =>
    `import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { tmpdir } from 'node:os';\n${body}\n`;

  it('counts passing and failing tests per file and names the failures', async () => {
    const { workspace } = await workspaceWith({
      'test/good.test.js': test(
        "test('adds', () => assert.equal(1 + 1, 2));\ntest('joins', () => assert.equal('a' + 'b', 'ab'));",
      ),
      'test/bad.test.js': test(
        "test('subtracts', () => assert.equal(2 - 1, 3));\ntest('fine', () => {});",
      ),
    });
    const result = await runNodeTests({
      sandbox: await testSandbox(),
      root: workspace.root,
      paths: ['test/bad.test.js', 'test/good.test.js'],
      ...limits,
    });
    expect(result.status).toBe('failed');
    expect(result.totals).toMatchObject({ files: 2, tests: 4, passed: 3, failed: 1 });
    const bad = result.files.find((file) => file.path === 'test/bad.test.js');
    expect(bad).toMatchObject({ status: 'failed', failures: ['subtracts'] });
    expect(bad?.output).toContain('subtracts');
    expect(testFindings(result)).toEqual([
      expect.objectContaining({ ruleId: 'test-failed', location: { path: 'test/bad.test.js' } }),
    ]);
  });

  it('hides OPENAI_API_KEY and every other secret from generated tests', async () => {
    const { workspace } = await workspaceWith({
      'env.test.js': test(`
test('sees no secret', () => {
  assert.equal(process.env.OPENAI_API_KEY, undefined);
  assert.equal(process.env.AWS_SECRET_ACCESS_KEY, undefined);
  assert.equal(process.env.GITHUB_TOKEN, undefined);
  assert.equal(process.env.NODE_OPTIONS, undefined);
  assert.equal(process.env.DATABASE_PASSWORD, undefined);
  assert.equal(process.env.HOME, tmpdir());
  assert.notEqual(process.env.HOME, process.cwd());
  const names = Object.keys(process.env).filter((name) => /KEY|TOKEN|SECRET|PASSWORD/i.test(name));
  assert.deepEqual(names, []);
});`),
    });
    const env = {
      PATH: process.env.PATH,
      OPENAI_API_KEY: 'sk-test-must-not-leak',
      AWS_SECRET_ACCESS_KEY: 'aws-secret',
      GITHUB_TOKEN: 'ghp_secret',
      NODE_OPTIONS: '--require ./evil.cjs',
      DATABASE_PASSWORD: 'hunter2',
    };
    const result = await runNodeTests({
      sandbox: await testSandbox(env),
      root: workspace.root,
      paths: ['env.test.js'],
      ...limits,
    });
    expect(result.files[0]?.output).toBe('');
    expect(result.status).toBe('passed');
  });

  it('kills an endless loop at the time limit and reports it', async () => {
    const { workspace } = await workspaceWith({
      'test/loop.test.js': test("test('spins', () => { for (;;) {} });"),
      'test/quick.test.js': test("test('quick', () => {});"),
    });
    const started = Date.now();
    const result = await runNodeTests({
      sandbox: await testSandbox(),
      root: workspace.root,
      paths: ['test/loop.test.js', 'test/quick.test.js'],
      ...limits,
      timeoutMs: 1_500,
    });
    expect(Date.now() - started).toBeLessThan(6_000);
    expect(result.status).toBe('timedOut');
    expect(result.files[0]).toMatchObject({ path: 'test/loop.test.js', status: 'timedOut' });
    expect(result.files[1]).toMatchObject({ path: 'test/quick.test.js', status: 'passed' });
    expect(testFindings(result)[0]).toMatchObject({
      ruleId: 'test-timeout',
      message: expect.stringContaining('time limit of 1500 ms'),
    });
  });

  it('confines file access to a read-only project and scratch space, and forbids child processes', async () => {
    const { base, workspace } = await workspaceWith({});
    await workspace.write(
      'escape.test.js',
      test(`
import { readFileSync, writeFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
const denied = (run) => { try { run(); return 'allowed'; } catch (error) { return error.code; } };
test('reads outside are denied', () => assert.equal(denied(() => readFileSync(${JSON.stringify(join(base, 'secret.txt'))}, 'utf8')), 'ERR_ACCESS_DENIED'));
test('writes outside are denied', () => assert.equal(denied(() => writeFileSync(${JSON.stringify(join(base, 'planted.txt'))}, 'x')), 'ERR_ACCESS_DENIED'));
test('child processes are denied', () => assert.equal(denied(() => execSync('echo hi')), 'ERR_ACCESS_DENIED'));
test('the project is read-only', () => assert.equal(denied(() => writeFileSync('data.json', '{}')), 'ERR_ACCESS_DENIED'));
test('scratch space is writable', () => { writeFileSync(tmpdir() + '/data.json', '{}'); assert.equal(readFileSync(tmpdir() + '/data.json', 'utf8'), '{}'); });`),
    );
    const result = await runNodeTests({
      sandbox: await testSandbox(),
      root: workspace.root,
      paths: ['escape.test.js'],
      ...limits,
    });
    expect(result.files[0]?.output).toBe('');
    expect(result.totals).toMatchObject({ tests: 5, passed: 5 });
    await expect(readFile(join(base, 'planted.txt'))).rejects.toThrow();
    await expect(readFile(join(workspace.root, 'data.json'))).rejects.toThrow();
  });

  it('reports a crash when a test file cannot even load, or runs out of memory', async () => {
    const { workspace } = await workspaceWith({
      'broken.test.js': 'import { test } from "node:test";\ntest("x", () => {\n',
      'hungry.test.js': test(
        "test('hoards', () => { const all = []; for (;;) all.push(new Array(1e6).fill(1)); });",
      ),
    });
    const result = await runNodeTests({
      sandbox: await testSandbox(),
      root: workspace.root,
      paths: ['broken.test.js', 'hungry.test.js'],
      ...limits,
      memoryLimitMb: 32,
    });
    expect(result.status).toBe('failed');
    expect(result.files[0]).toMatchObject({ status: 'crashed', failed: 1 });
    expect(result.files[0]?.output).toContain('SyntaxError');
    expect(result.files[1]?.status).toBe('crashed');
    // Under the limit Node dies in V8's heap or in a C++ allocation, whichever fails first.
    expect(result.files[1]?.output).toMatch(/heap|bad_alloc/i);
    expect(result.files[1]?.output).toContain('reached its memory limit (32 MB');
  });

  it('counts a plain script as one test, passed when it exits 0', async () => {
    const { workspace } = await workspaceWith({
      'test/plain.js': 'console.log("ok");\n',
      'test/fails.js': 'process.exit(3);\n',
    });
    const result = await runNodeTests({
      sandbox: await testSandbox(),
      root: workspace.root,
      paths: ['test/plain.js', 'test/fails.js'],
      ...limits,
    });
    expect(result.files.map((file) => [file.status, file.tests, file.passed])).toEqual([
      ['passed', 1, 1],
      ['crashed', 1, 0],
    ]);
  });
});

describe('runNodeTests with a link leading out of the workspace', () => {
  const tempDir = useTempDir();

  it('never shows what the link leads to: under bubblewrap it leads nowhere, unconfined it is refused', async () => {
    const base = await tempDir();
    await writeFile(join(base, 'secret.txt'), 'top secret');
    const workspace = await openWorkspace({ root: join(base, 'workspace') });
    await workspace.write(
      'leak.test.js',
      "import { readFileSync } from 'node:fs';\nconsole.log(readFileSync('node_modules/pkg/secret', 'utf8'));\n",
    );
    await mkdir(join(workspace.root, 'node_modules', 'pkg'), { recursive: true });
    await symlink(join(base, 'secret.txt'), join(workspace.root, 'node_modules', 'pkg', 'secret'));
    const sandbox = await testSandbox();
    const result = await runNodeTests({
      sandbox,
      root: workspace.root,
      paths: ['leak.test.js'],
      ...limits,
    });
    expect(JSON.stringify(result)).not.toContain('top secret');
    if (sandbox.confinement === 'bubblewrap') {
      expect(result.files[0]).toMatchObject({ status: 'crashed' });
      expect(result.files[0]?.output).toMatch(/ENOENT|ERR_ACCESS_DENIED/);
      return;
    }
    expect(result).toMatchObject({ status: 'refused', files: [] });
    expect(result.refusal).toContain('node_modules/pkg/secret');
    expect(testFindings(result)).toEqual([
      expect.objectContaining({ ruleId: 'tests-refused', severity: 'error' }),
    ]);
  });
});

describe('runNodeTests in a folder whose path has a comma or a star', () => {
  const tempDir = useTempDir();

  it('runs under bubblewrap, which shows the project at a fixed path; unconfined, refuses', async () => {
    const workspace = await openWorkspace({ root: join(await tempDir(), 'a,b*') });
    await workspace.write('a.test.js', "import { test } from 'node:test';\ntest('a', () => {});\n");
    const sandbox = await testSandbox();
    const result = await runNodeTests({
      sandbox,
      root: workspace.root,
      paths: ['a.test.js'],
      ...limits,
    });
    if (sandbox.confinement === 'bubblewrap') expect(result.status).toBe('passed');
    else
      expect(result).toMatchObject({ status: 'refused', refusal: expect.stringContaining('"*"') });
  });
});
