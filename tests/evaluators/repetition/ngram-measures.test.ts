import { describe, expect, it } from 'vitest';
import { distinctNgrams } from '../../../src/evaluators/repetition/distinct-ngrams.js';
import { longestLoop } from '../../../src/evaluators/repetition/longest-loop.js';
import { splitParagraphs } from '../../../src/evaluators/repetition/split-paragraphs.js';
import { windowDiversity } from '../../../src/evaluators/repetition/window-diversity.js';
import { parseMarkdown } from '../../../src/markdown/parse-markdown.js';
import { createRandom } from '../../fixtures/evaluators/build-prose.mjs';

const ids = (...values: number[]) => Int32Array.from(values);

describe('distinctNgrams', () => {
  it('counts distinct n-grams over all n-grams', () => {
    const tokens = ids(1, 2, 1, 2, 1, 2, 3);
    expect(distinctNgrams({ ids: tokens, n: 1 })).toEqual({ total: 7, distinct: 3, ratio: 3 / 7 });
    expect(distinctNgrams({ ids: tokens, n: 2 })).toEqual({ total: 6, distinct: 3, ratio: 0.5 });
    expect(distinctNgrams({ ids: tokens, n: 4 })).toEqual({ total: 4, distinct: 3, ratio: 0.75 });
  });

  it('keeps n-grams of every length exact, whatever the token ids', () => {
    const large = 0x3ffffff;
    const tokens = ids(large, 0, large, 0, large, 0, 1);
    expect(distinctNgrams({ ids: tokens, n: 3 })).toEqual({ total: 5, distinct: 3, ratio: 0.6 });
    expect(distinctNgrams({ ids: ids(large, 0, large, 0, large, 0, large, 0), n: 5 })).toEqual({
      total: 4,
      distinct: 2,
      ratio: 0.5,
    });
    expect(distinctNgrams({ ids: ids(1, 2, 3, 1, 2, 4), n: 3 }).distinct).toBe(4);
    expect(distinctNgrams({ ids: ids(1, 2, 3, 4, 1, 2, 3, 5), n: 4 }).distinct).toBe(5);
  });

  it('measures 3-, 4- and 5-grams of a stretch that starts later', () => {
    const tokens = ids(9, 9, 1, 2, 3, 1, 2, 3, 1, 2, 4);
    expect([3, 4, 5].map((n) => distinctNgrams({ ids: tokens, n, start: 2 }))).toEqual([
      { total: 7, distinct: 4, ratio: 4 / 7 },
      { total: 6, distinct: 4, ratio: 4 / 6 },
      { total: 5, distinct: 4, ratio: 4 / 5 },
    ]);
    expect(distinctNgrams({ ids: tokens, n: 3, start: 2, end: 8 })).toEqual({
      total: 4,
      distinct: 3,
      ratio: 0.75,
    });
  });

  it('counts what a count of the n-grams written out as text counts, for any n and stretch', () => {
    const random = createRandom(5);
    // Four different tokens, so that n-grams repeat and share their first or last tokens.
    const tokens = Int32Array.from({ length: 80 }, () => Math.floor(random() * 4) * 7);
    const written = (n: number, start: number, end: number) => {
      const seen = new Set<string>();
      for (let index = start; index + n <= end; index++)
        seen.add(Array.from(tokens.subarray(index, index + n)).join(' '));
      return seen.size;
    };
    for (const [start, end] of [
      [0, 80],
      [9, 80],
      [13, 47],
    ] as const) {
      for (const n of [1, 2, 3, 4, 5, 6]) {
        const { total, distinct } = distinctNgrams({ ids: tokens, n, start, end });
        expect({ n, start, total, distinct }).toEqual({
          n,
          start,
          total: end - start - n + 1,
          distinct: written(n, start, end),
        });
      }
    }
  });

  it('tells apart long n-grams whose tokens would run together', () => {
    // 1 12 3 4 5 and 11 2 3 4 5 read alike with nothing between the numbers.
    expect(distinctNgrams({ ids: ids(1, 12, 3, 4, 5, 11, 2, 3, 4, 5), n: 5 }).distinct).toBe(6);
  });

  it('measures a stretch and treats a too-short one as fully distinct', () => {
    expect(distinctNgrams({ ids: ids(5, 5, 5, 6, 7), n: 1, start: 2, end: 5 }).ratio).toBe(1);
    expect(distinctNgrams({ ids: ids(1, 2), n: 4 })).toEqual({ total: 0, distinct: 0, ratio: 1 });
  });
});

describe('windowDiversity', () => {
  it('uses equal windows, the last one aligned to the end', () => {
    const tokens = Int32Array.from({ length: 25 }, (_, index) => index % 5);
    const windows = windowDiversity({ ids: tokens, windowTokens: 10 });
    expect(windows.map((window) => window.startToken)).toEqual([0, 10, 15]);
    expect(windows[0]).toMatchObject({ distinct1: 0.5, distinct2: 5 / 9, rep4: 1 - 5 / 7 });
  });

  it('makes one window of a short text and none of an empty one', () => {
    expect(windowDiversity({ ids: ids(1, 2, 3), windowTokens: 10 })).toHaveLength(1);
    expect(windowDiversity({ ids: ids(), windowTokens: 10 })).toEqual([]);
  });

  it('adds no second window at the end when the windows already fill the text', () => {
    for (const length of [20, 30]) {
      const tokens = Int32Array.from({ length }, (_, index) => index);
      expect(
        windowDiversity({ ids: tokens, windowTokens: 10 }).map((each) => each.startToken),
      ).toEqual(Array.from({ length: length / 10 }, (_, index) => index * 10));
    }
  });
});

describe('longestLoop', () => {
  it('finds the longest run of one token and the longest loop', () => {
    const tokens = ids(9, 7, 7, 7, 8, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 4);
    const { tokenRun, loop } = longestLoop({ ids: tokens });
    expect(tokenRun).toEqual({ period: 1, startToken: 1, tokens: 3, repeats: 3 });
    expect(loop).toEqual({ period: 3, startToken: 5, tokens: 10, repeats: 10 / 3 });
  });

  it('closes a run at the end of the text and keeps the first of equal runs', () => {
    const { tokenRun, loop } = longestLoop({ ids: ids(4, 4, 1, 2, 5, 5) });
    expect(tokenRun).toEqual({ period: 1, startToken: 0, tokens: 2, repeats: 2 });
    expect(loop).toEqual(tokenRun);
    expect(longestLoop({ ids: ids(4, 4, 1, 5, 5, 5) }).tokenRun).toEqual({
      period: 1,
      startToken: 3,
      tokens: 3,
      repeats: 3,
    });
    expect(longestLoop({ ids: ids(3, 1, 2, 1, 2, 1) }).loop).toEqual({
      period: 2,
      startToken: 1,
      tokens: 5,
      repeats: 2.5,
    });
  });

  it('gives one token, or nothing, when nothing repeats', () => {
    expect(longestLoop({ ids: ids(1, 2, 3) })).toEqual({
      tokenRun: { period: 1, startToken: 0, tokens: 1, repeats: 1 },
      loop: { period: 1, startToken: 0, tokens: 1, repeats: 1 },
    });
    expect(longestLoop({ ids: ids() }).loop).toEqual({
      period: 1,
      startToken: 0,
      tokens: 0,
      repeats: 0,
    });
  });

  it('ignores periods beyond the limit', () => {
    const tokens = Int32Array.from({ length: 40 }, (_, index) => index % 20);
    expect(longestLoop({ ids: tokens, maxPeriod: 12 }).loop.tokens).toBe(1);
    expect(longestLoop({ ids: tokens, maxPeriod: 20 }).loop).toMatchObject({
      period: 20,
      tokens: 40,
    });
  });
});

describe('splitParagraphs and fencedCodeRanges', () => {
  const text =
    '# Title\nFirst line\nsecond line\n\n```js\nconst x = 1;\n\nmore();\n```\n\nLast one.\n## Tail\nAfter.';

  it('splits on blank lines and headings, skipping code fences', () => {
    const paragraphs = splitParagraphs(text).map(({ start, end }) => text.slice(start, end));
    expect(paragraphs).toEqual(['First line\nsecond line', 'Last one.', 'After.']);
  });

  it('ends paragraphs at lines of spaces and knows where each starts and ends', () => {
    expect(splitParagraphs('a\n   \nb b\nc\n\t\nd\n')).toEqual([
      { start: 0, end: 1 },
      { start: 6, end: 11 },
      { start: 14, end: 15 },
    ]);
    expect(splitParagraphs('')).toEqual([]);
    expect(splitParagraphs('\nfirst\n\nsecond')).toEqual([
      { start: 1, end: 6 },
      { start: 8, end: 14 },
    ]);
  });

  it('finds closed fenced code only: an unclosed or improperly closed fence excludes nothing', () => {
    const [range] = parseMarkdown(text).fences;
    expect(text.slice(range?.[0], range?.[1])).toBe('```js\nconst x = 1;\n\nmore();\n```');
    expect(parseMarkdown('a\n~~~\nopen').fences).toEqual([]);
    expect(parseMarkdown('a\n```\nb\n```js\nc').fences).toEqual([]);
    expect(parseMarkdown('a\n````\nb\n```\nc').fences).toEqual([]);
    expect(parseMarkdown('a\n````\nb\n`````  \nc').fences).toEqual([[2, 16]]);
  });
});
