import { describe, expect, it } from 'vitest';
import { documentParts } from '../../../src/evaluators/degradation/document-parts.js';

/** `count` different words, none a function word. */
const words = (count: number, from = 0) =>
  Array.from({ length: count }, (_, index) => `word${from + index}`).join(' ');

describe('documentParts', () => {
  it("takes a run's sections as they are, from two sections up", () => {
    const sections = [
      { title: 'One', text: 'First text.' },
      { title: 'Two', text: 'Second text.' },
    ];
    expect(documentParts({ text: 'ignored', sections })).toEqual({
      source: 'sections',
      parts: [
        { title: 'One', start: 0, text: 'First text.' },
        { title: 'Two', start: 0, text: 'Second text.' },
      ],
    });
    const text = `## A\n\n${words(5)}\n\n## B\n\n${words(5)}\n`;
    expect(documentParts({ text, sections: sections.slice(0, 1) }).source).toBe('headings');
  });

  it('cuts at each heading, from its start to the next one', () => {
    const text = '# A\n\nalpha\n\n# B\n\nbeta\n';
    expect(documentParts({ text })).toEqual({
      source: 'headings',
      parts: [
        { title: 'A', start: 0, text: '# A\n\nalpha\n\n' },
        { title: 'B', start: 12, text: '# B\n\nbeta\n' },
      ],
    });
  });

  it('cuts at the highest level that occurs twice, and at every heading above it', () => {
    const text = '# Title\n\n## One\n\n### Detail\n\nx\n\n## Two\n\ny\n';
    const { source, parts } = documentParts({ text });
    expect(source).toBe('headings');
    expect(parts.map((part) => part.title)).toEqual(['Title', 'One', 'Two']);
    expect(parts.map((part) => part.text).join('')).toBe(text);
  });

  it('makes the text before the first heading a part when it has 50 tokens or more', () => {
    const long = `${words(50)}\n\n## A\n\nx\n\n## B\n\ny\n`;
    expect(documentParts({ text: long }).parts[0]).toEqual({
      title: '(before the first heading)',
      start: 0,
      text: `${words(50)}\n\n`,
    });
    const short = `${words(49)}\n\n## A\n\nx\n\n## B\n\ny\n`;
    expect(documentParts({ text: short }).parts.map((part) => part.title)).toEqual(['A', 'B']);
  });

  it('does not cut at headings deeper than level 3', () => {
    const text = `#### A\n\n${words(200)}\n\n#### B\n\n${words(200, 200)}\n`;
    expect(documentParts({ text }).source).toBe('chunks');
  });

  it('cuts a text without usable headings into equal chunks of 150 tokens or more, 8 at most', () => {
    const text = words(450);
    const { source, parts } = documentParts({ text });
    expect(source).toBe('chunks');
    expect(parts.map((part) => part.title)).toEqual(['part 1 of 3', 'part 2 of 3', 'part 3 of 3']);
    expect(parts[1]?.start).toBe(text.indexOf('word150 '));
    expect(parts[1]?.text.startsWith('word150 ')).toBe(true);
    expect(parts.map((part) => part.text).join('')).toBe(text);
    expect(documentParts({ text: words(2_000) }).parts).toHaveLength(8);
    expect(documentParts({ text: words(2_000), chunks: 4 }).parts).toHaveLength(4);
  });

  it('keeps what comes before the first token in the first chunk', () => {
    const text = `  (${words(450)})`;
    const { parts } = documentParts({ text });
    expect(parts[0]?.start).toBe(0);
    expect(parts.map((part) => part.text).join('')).toBe(text);
  });

  it('has no parts for a text too short for two chunks', () => {
    expect(documentParts({ text: words(299) })).toEqual({ source: 'chunks', parts: [] });
  });
});
