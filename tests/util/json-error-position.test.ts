import { describe, expect, it } from 'vitest';
import { jsonErrorPosition } from '../../src/util/json-error-position.js';

describe('jsonErrorPosition', () => {
  it.each([
    ['{"a": 1,}', { line: 1, column: 9 }],
    ['{\n  "prompt": "x",\n  words: 5\n}', { line: 3, column: 3 }],
    ['{"title": "x", "sections": [}', { line: 1, column: 29 }],
    ['[1, 2', { line: 1, column: 6 }],
    ['{"a": "unterminated', { line: 1, column: 20 }],
    ['{"a": 1} trailing', { line: 1, column: 10 }],
    ["{'a': 1}", { line: 1, column: 2 }],
  ])('%s → %o', (text, position) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonErrorPosition({ text })).toEqual(position);
  });

  it.each([['{"a": [1, 2.5e3, true, null, "x\\"y"]}'], ['  []  ']])(
    'finds nothing wrong in %s',
    (text) => {
      expect(jsonErrorPosition({ text })).toBeUndefined();
    },
  );
});
