import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSyntax } from '../../../src/code/checks/check-syntax.js';
import { checkTypeScriptSyntax } from '../../../src/code/checks/check-typescript-syntax.js';
import { openWorkspace } from '../../../src/code/workspace/workspace.js';
import { useTempDir } from '../../helpers/temp-dir.js';
import { testLimits, testSandbox } from '../helpers/sandbox.js';

describe('checkSyntax', () => {
  const tempDir = useTempDir();

  it('finds syntax errors by file kind, with line and column, and passes good files', async () => {
    const workspace = await openWorkspace({ root: join(await tempDir(), 'workspace') });
    const files: Record<string, string> = {
      'package.json': '{"type":"module"}',
      'good.js': 'export function add(a, b) {\n  return a + b;\n}\n',
      'bad.js': 'export function add(a, b) {\n  return a +;\n}\n',
      'bad.cjs': 'module.exports = {\n',
      'good.ts': 'export const n: number = 1;\n',
      'bad.ts': 'export const n: number = ;\n',
      'bad.json': '{"a": }',
      'notes.md': 'not checked {',
    };
    for (const [path, content] of Object.entries(files)) await workspace.write(path, content);
    const findings = await checkSyntax({
      sandbox: await testSandbox(),
      limits: testLimits,
      workspace,
      paths: [...Object.keys(files), 'vanished.js'],
    });
    const byPath = Object.fromEntries(findings.map((finding) => [finding.location?.path, finding]));
    expect(Object.keys(byPath).sort()).toEqual(['bad.cjs', 'bad.js', 'bad.json', 'bad.ts']);
    expect(byPath['bad.js']).toMatchObject({
      ruleId: 'syntax-error',
      severity: 'error',
      location: { path: 'bad.js', line: 2 },
    });
    expect(byPath['bad.js']?.message).toMatch(/^SyntaxError/);
    expect(byPath['bad.ts']).toMatchObject({ location: { path: 'bad.ts', line: 1, column: 26 } });
    expect(byPath['bad.ts']?.message).toMatch(/^TS1109/);
    expect(byPath['bad.json']?.message).toMatch(/invalid JSON/);
  });

  it('warns, instead of passing silently, when the TypeScript compiler is missing', async () => {
    const findings = await checkTypeScriptSyntax({
      files: [{ path: 'a.ts', content: 'const x = 1' }],
      loadCompiler: () => Promise.reject(new Error('Cannot find package typescript')),
    });
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'typescript-unavailable',
        severity: 'warning',
        message: expect.stringContaining('install it (npm install typescript)'),
      }),
    ]);
  });
});
