import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../../src/errors/invalid-option-error.js';
import { evaluateRepetition } from '../../../src/evaluators/repetition/evaluate-repetition.js';
import type { RepetitionOptions } from '../../../src/evaluators/repetition/repetition-options.js';
import { createTextLocator } from '../../../src/evaluators/text-locator.js';
import { buildProse, createRandom } from '../../fixtures/evaluators/build-prose.mjs';

const prose = buildProse({ words: 1_500, seed: 11 });

const refusal = (options: Partial<RepetitionOptions>) => {
  try {
    evaluateRepetition({ text: prose, options });
  } catch (error) {
    return error as InvalidOptionError;
  }
  throw new Error('expected the options to be refused');
};

/** Chinese-like prose: random characters, about one in seven a function character. */
function buildChinese({ characters, seed }: { characters: number; seed: number }): string {
  const content = '山水花鸟风云雨雪春夏秋冬江河湖海城村田园书画琴棋茶酒诗歌舞剑日月星辰';
  const functional = '的了是在和也就都';
  const random = createRandom(seed);
  const pick = (from: string) => from[Math.floor(random() * from.length)];
  return Array.from({ length: characters }, (_, index) =>
    index % 7 === 3 ? pick(functional) : pick(content),
  ).join('');
}

describe('evaluateRepetition options', () => {
  it.each([
    'windowTokens',
    'collapseWindowTokens',
    'shingleSize',
    'stretchWindowTokens',
    'stretchMinTokens',
    'symbolRunError',
  ] as const)('refuses a %s of 0 or a fraction, naming it', (option) => {
    for (const value of [0, 2.5]) {
      const error = refusal({ [option]: value });
      expect(error).toBeInstanceOf(InvalidOptionError);
      expect(error).toMatchObject({ option, received: value });
      expect(error.message).toContain('a positive whole number');
    }
  });

  it('lists no pair with reportedPairs 0 and refuses a negative one', () => {
    const paragraph = prose.split('\n\n')[1] ?? '';
    const text = `${prose}\n\n${paragraph}\n`;
    expect(evaluateRepetition({ text }).repetition.nearDuplicates.worst).toHaveLength(1);
    const { repetition, findings } = evaluateRepetition({ text, options: { reportedPairs: 0 } });
    expect(repetition.nearDuplicates).toMatchObject({ pairs: 1, worst: [] });
    expect(findings.map((finding) => finding.message)).toEqual([
      '1 more near-duplicate paragraph pairs were found; the report lists the 0 most similar.',
    ]);
    expect(refusal({ reportedPairs: -1 })).toMatchObject({ option: 'reportedPairs' });
  });

  it.each(['maxRep4', 'nearDuplicateThreshold'] as const)(
    'takes a %s above 0 and at most 1, nothing else',
    (option) => {
      for (const value of [0, 1.01, Number.NaN]) {
        const error = refusal({ [option]: value });
        expect(error).toBeInstanceOf(InvalidOptionError);
        expect(error).toMatchObject({ option });
        expect(error.message).toContain('a number above 0 and at most 1');
      }
      expect(() => evaluateRepetition({ text: prose, options: { [option]: 1 } })).not.toThrow();
    },
  );

  it('measures in windows of the size asked for', () => {
    const { repetition } = evaluateRepetition({ text: prose, options: { windowTokens: 100 } });
    expect(repetition.windows.size).toBe(100);
    expect(repetition.windows.series.length).toBe(Math.ceil(repetition.tokens / 100));
    const locator = createTextLocator({ text: prose });
    expect(repetition.windows.series[0]?.location).toEqual(locator.locate(prose.indexOf('1')));
  });

  it('reports the worst window and the extremes of the series', () => {
    const text = `${prose}\n\n${'the bell rang and rang again '.repeat(30)}\n`;
    const { repetition } = evaluateRepetition({ text, options: { windowTokens: 100 } });
    const { series } = repetition.windows;
    expect(repetition.windows.maxRep4).toBe(Math.max(...series.map((window) => window.rep4)));
    expect(repetition.windows.maxRep4).toBeGreaterThan(0.5);
    expect(repetition.windows.minDistinct1).toBe(
      Math.min(...series.map((window) => window.distinct1)),
    );
    expect(repetition.windows.minDistinct2).toBe(
      Math.min(...series.map((window) => window.distinct2)),
    );
    expect(repetition.windows.minDistinct1).toBeLessThan(0.2);
  });

  it('measures an empty text as fully distinct, with nothing located', () => {
    const { repetition, findings } = evaluateRepetition({ text: '' });
    expect(repetition).toMatchObject({
      tokens: 0,
      distinct1: 1,
      distinct2: 1,
      distinct4: 1,
      rep4: 0,
      windows: { size: 500, minDistinct1: 1, minDistinct2: 1, maxRep4: 0, series: [] },
      longestTokenRun: { token: '', tokens: 0, location: { offset: 0, line: 1 } },
      repeatedStretch: { tokens: 0, share: 0, location: null },
      symbolRun: { symbols: 0, distinct: [], location: null },
      compressionRatio: 1,
      nearDuplicates: { paragraphs: 0, pairs: 0, worst: [] },
      lateCollapse: {
        status: 'tooShort',
        baseline: null,
        window: null,
        reasons: [],
        position: null,
        location: null,
      },
    });
    expect(findings).toEqual([]);
  });

  it('names the longest run of one token and its place', () => {
    const text = 'It was so so so so so cold.';
    const { repetition } = evaluateRepetition({ text });
    expect(repetition.tokens).toBe(8);
    expect(repetition.distinct1).toBe(4 / 8);
    expect(repetition.distinct2).toBe(4 / 7);
    expect(repetition.distinct4).toBe(4 / 5);
    expect(repetition.rep4).toBeCloseTo(0.2, 10);
    expect(repetition.longestTokenRun).toEqual({
      token: 'so',
      tokens: 5,
      location: { line: 1, column: 8, offset: 7 },
    });
    expect(repetition.longestLoop).toMatchObject({ pattern: 'so', period: 1, repeats: 5 });
    expect(repetition.symbolRun).toEqual({
      symbols: 1,
      distinct: ['.'],
      location: { line: 1, column: 27, offset: 26 },
    });
  });

  it('locates a repeated stretch and the baseline of a text that did not collapse', () => {
    const loop = 'the tide comes in and the gulls cry over the harbour wall. '.repeat(40);
    const text = `${prose}\n\n${loop}\n`;
    const { repetition } = evaluateRepetition({
      text,
      options: { stretchWindowTokens: 50, collapseWindowTokens: 100 },
    });
    const start = prose.length + 2;
    expect(repetition.repeatedStretch.tokens).toBeGreaterThan(300);
    expect(repetition.repeatedStretch.location?.offset).toBeGreaterThan(start);
    expect(repetition.repeatedStretch.location?.offset).toBeLessThan(start + 800);
    expect(repetition.lateCollapse).toMatchObject({ status: 'collapse', reasons: ['repetition'] });
    const clean = evaluateRepetition({ text: prose, options: { collapseWindowTokens: 100 } });
    expect(clean.repetition.lateCollapse).toMatchObject({
      status: 'none',
      baseline: { rep4: expect.any(Number), functionShare: expect.any(Number) },
      window: null,
      reasons: [],
      position: null,
      location: null,
    });
    expect(clean.repetition.lateCollapse.baseline?.functionShare).toBeGreaterThan(0.3);
  });

  it('holds Chinese prose to a lower share of function characters', () => {
    const healthy = buildChinese({ characters: 2_400, seed: 5 });
    // The same content characters with every function character gone: keyword salad.
    const salad = buildChinese({ characters: 800, seed: 6 }).replace(/[的了是在和也就都]/g, '');
    const options = { collapseWindowTokens: 200 };
    expect(evaluateRepetition({ text: healthy, options }).repetition.lateCollapse.status).toBe(
      'none',
    );
    const { repetition } = evaluateRepetition({ text: `${healthy}${salad}`, options });
    expect(repetition.lateCollapse).toMatchObject({
      status: 'collapse',
      reasons: ['functionWords'],
    });
  });
});
