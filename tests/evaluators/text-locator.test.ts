import { describe, expect, it } from 'vitest';
import { createTextLocator } from '../../src/evaluators/text-locator.js';

describe('createTextLocator', () => {
  const text =
    '# Title\n\nIntro line.\n\n## Part two ##\n\n```\n# not a heading\n```\nBody text.\n';
  const locator = createTextLocator({ text });

  it('gives 1-based lines and columns and the offset', () => {
    const offset = text.indexOf('line.');
    expect(locator.locate(offset)).toEqual({ line: 3, column: 7, offset, section: 'Title' });
    expect(locator.lineOf(0)).toBe(1);
    expect(locator.lineOf(text.length)).toBe(11);
  });

  it('names the nearest heading above, ignoring lines inside code fences', () => {
    expect(locator.locate(text.indexOf('Body')).section).toBe('Part two');
    expect(locator.locate(text.indexOf('not a heading')).section).toBe('Part two');
  });

  it('has no section before the first heading', () => {
    expect(createTextLocator({ text: 'plain\ntext' }).locate(7)).toEqual({
      line: 2,
      column: 2,
      offset: 7,
    });
  });

  it('agrees with a line-by-line count at every offset of a longer text', () => {
    const lines = Array.from({ length: 40 }, (_, index) =>
      index % 7 === 0 ? `## Heading ${index}` : `line ${index} ${'x'.repeat(index % 5)}`,
    );
    const long = lines.join('\n');
    const located = createTextLocator({ text: long });
    let line = 1;
    let column = 1;
    let section: string | undefined;
    for (let offset = 0; offset < long.length; offset++) {
      if (column === 1 && long.startsWith('## ', offset)) {
        const end = long.indexOf('\n', offset);
        section = long.slice(offset + 3, end < 0 ? undefined : end);
      }
      expect(located.locate(offset)).toEqual({
        line,
        column,
        offset,
        ...(section === undefined ? {} : { section }),
      });
      expect(located.lineOf(offset)).toBe(line);
      if (long[offset] === '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
  });
});
