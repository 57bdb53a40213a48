import { describe, expect, it } from 'vitest';
import { summariseFile } from '../../../src/code/workspace/summarise-file.js';

describe('summariseFile', () => {
  it.each([
    [
      'the first comment line',
      'a.js',
      '// @ts-check\n/** Stores short links in memory. */\nexport const x = 1;',
      'Stores short links in memory.',
    ],
    [
      'the exported names',
      'b.js',
      "import fs from 'node:fs';\nexport function shorten() {}\nexport class Store {}\nexport const limit = 3;",
      'exports shorten, Store, limit',
    ],
    ['a JSON note', 'package.json', '{"a":1}', 'JSON, 7 characters'],
    [
      'the first line of code',
      'c.js',
      "import a from './a.js';\nconsole.log(a);",
      'console.log(a);',
    ],
    ['empty', 'd.js', '', 'empty'],
  ])('uses %s', (_name, path, content, expected) => {
    expect(summariseFile({ path, content })).toBe(expected);
  });

  it('keeps a summary to one short line', () => {
    expect(
      summariseFile({ path: 'e.js', content: `// ${'word '.repeat(100)}` }).length,
    ).toBeLessThanOrEqual(100);
  });
});
