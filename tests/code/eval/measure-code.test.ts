import { describe, expect, it } from 'vitest';
import { measureCode } from '../../../src/code/eval/measure-code.js';
import { renderCodebase } from '../../../src/code/eval/render-codebase.js';

describe('measureCode', () => {
  it('counts non-blank lines that are not only comments, per extension and for tests', () => {
    const source = [
      '/**',
      ' * Docs.',
      ' */',
      'export const a = 1; // note',
      '',
      '// just a comment',
      '/* one */ const b = 2;',
      'const c = `/* not a comment */`;',
    ].join('\n');
    const measure = measureCode({
      files: [
        { path: 'src/a.js', content: source },
        { path: 'src/b.ts', content: 'let x: number = 1;\n' },
        {
          path: 'test/a.test.js',
          content: "import { test } from 'node:test';\n\ntest('a', () => {});\n",
        },
        { path: 'README.md', content: '# not code' },
        { path: 'package.json', content: '{}' },
      ],
    });
    expect(measure).toEqual({
      files: 3,
      linesOfCode: 6,
      testLinesOfCode: 2,
      byExtension: { js: 5, ts: 1 },
    });
  });
});

describe('renderCodebase', () => {
  it('puts sources before tests and names what did not fit', () => {
    const files = [
      { path: 'test/app.test.js', content: 'test code\n'.repeat(200) },
      { path: 'src/app.js', content: 'app code\n' },
      { path: 'logo.png', content: 'binary' },
    ];
    const all = renderCodebase({ files, budgetTokens: 10_000 });
    expect(all.text.indexOf('=== src/app.js ===')).toBeLessThan(
      all.text.indexOf('=== test/app.test.js ==='),
    );
    expect(all.text).not.toContain('logo.png');
    expect(all.omitted).toEqual([]);
    const cut = renderCodebase({ files, budgetTokens: 300 });
    expect(cut.text).toContain('app code');
    expect(cut.text).toContain('(file cut)');
    expect(cut.omitted).toEqual(['test/app.test.js']);
  });
});
