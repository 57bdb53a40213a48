import { describe, expect, it } from 'vitest';
import { insideRanges, parseMarkdown } from '../../src/markdown/parse-markdown.js';

describe('parseMarkdown', () => {
  it('finds closed fences of either character, in containers too, as [start, end) ranges', () => {
    const text = 'Intro.\n\n~~~\ncode\n~~~\n\n> ```js\n> quoted();\n> ```\n\nAfter.';
    const { fences } = parseMarkdown(text);
    expect(fences.map(([start, end]) => text.slice(start, end))).toEqual([
      '~~~\ncode\n~~~',
      '```js\n> quoted();\n> ```',
    ]);
    expect(insideRanges(fences, text.indexOf('code'))).toBe(true);
    expect(insideRanges(fences, text.indexOf('After'))).toBe(false);
  });

  it('counts a fence never closed, or closed by a shorter or other fence, as no code', () => {
    expect(parseMarkdown('a\n```\nloop loop loop').fences).toEqual([]);
    expect(parseMarkdown('a\n````\nb\n```\nc').fences).toEqual([]);
    expect(parseMarkdown('a\n```\nb\n~~~\nc').fences).toEqual([]);
    expect(parseMarkdown('a\n\n    indented code\n').fences).toEqual([]);
  });

  it('lists top-level headings, ATX and setext, with their plain text and content offsets', () => {
    const text = '# One `two`\n\nBody.\n\nThree *four*\n---\n\n```\n# not a heading\n```\n';
    const { headings } = parseMarkdown(text);
    expect(headings.map(({ depth, title }) => ({ depth, title }))).toEqual([
      { depth: 1, title: 'One two' },
      { depth: 2, title: 'Three four' },
    ]);
    const [first] = headings;
    expect(text.slice(first?.contentStart, first?.contentEnd)).toBe('One `two`');
  });

  it('parses a text once for all its consumers', () => {
    const text = 'Shared.\n';
    expect(parseMarkdown(text)).toBe(parseMarkdown(text));
  });
});
