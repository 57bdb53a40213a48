import { describe, expect, it } from 'vitest';
import type { Finding, FindingLocation } from '../../../src/evaluators/finding.js';
import { repetitionFindings } from '../../../src/evaluators/repetition/repetition-findings.js';
import { defaultRepetitionOptions } from '../../../src/evaluators/repetition/repetition-options.js';
import type { RepetitionResult } from '../../../src/evaluators/repetition/repetition-result-schema.js';

const place = (line: number): FindingLocation => ({ line, column: 1, offset: line * 100 });

/** The numbers of a clean text; override what a test needs. */
function createRepetition(overrides: Partial<RepetitionResult> = {}): RepetitionResult {
  return {
    tokens: 5_000,
    distinct1: 0.4,
    distinct2: 0.8,
    distinct4: 0.99,
    rep4: 0.01,
    windows: {
      size: 500,
      minDistinct1: 0.5,
      minDistinct2: 0.9,
      maxRep4: 0.02,
      series: [{ location: place(1), distinct1: 0.5, distinct2: 0.9, rep4: 0.02 }],
    },
    longestTokenRun: { token: 'very', tokens: 2, location: place(3) },
    longestLoop: { pattern: 'very', period: 1, repeats: 2, tokens: 2, location: place(3) },
    repeatedStretch: { tokens: 0, share: 0, location: null },
    symbolRun: { symbols: 3, distinct: ['.'], location: place(4) },
    compressionRatio: 3.5,
    nearDuplicates: { paragraphs: 40, pairs: 0, worst: [] },
    lateCollapse: {
      status: 'none',
      baseline: { rep4: 0.01, functionShare: 0.45 },
      window: null,
      reasons: [],
      position: null,
      location: null,
    },
    ...overrides,
  };
}

const findingsOf = (
  overrides: Partial<RepetitionResult>,
  settings: Partial<typeof defaultRepetitionOptions> = {},
) =>
  repetitionFindings({
    repetition: createRepetition(overrides),
    settings: { ...defaultRepetitionOptions, ...settings },
  });
const ruleIds = (findings: Finding[]) => findings.map((finding) => finding.ruleId);

describe('repetitionFindings', () => {
  it('finds nothing in the numbers of a clean text', () => {
    expect(findingsOf({})).toEqual([]);
  });

  it('calls a loop an error from the thresholds on, with its pattern and place', () => {
    const loop = { pattern: 'we will', period: 2, repeats: 10, tokens: 20, location: place(7) };
    expect(findingsOf({ longestLoop: loop })).toEqual([
      {
        evaluator: 'repetition',
        ruleId: 'repetition/token-loop',
        severity: 'error',
        message: '"we will" repeats 10 times in a row (20 tokens) from line 7.',
        location: place(7),
      },
    ]);
    expect(findingsOf({ longestLoop: { ...loop, repeats: 4.5 } })[0]?.message).toContain(
      'repeats 4 times',
    );
    expect(findingsOf({ longestLoop: { ...loop, repeats: 4 } })).toHaveLength(1);
    expect(findingsOf({ longestLoop: { ...loop, repeats: 3.9 } })).toEqual([]);
    expect(findingsOf({ longestLoop: { ...loop, tokens: 19 } })).toEqual([]);
  });

  it('clips a long pattern to 60 characters', () => {
    const pattern = 'word '.repeat(20).trim();
    const loop = { pattern, period: 20, repeats: 5, tokens: 100, location: place(2) };
    const message = findingsOf({ longestLoop: loop })[0]?.message ?? '';
    expect(message).toContain(`"${pattern.slice(0, 57)}…"`);
    const exact = 'x'.repeat(60);
    expect(findingsOf({ longestLoop: { ...loop, pattern: exact } })[0]?.message).toContain(
      `"${exact}"`,
    );
  });

  it('warns of one token repeated from the threshold on, when there is no loop', () => {
    const run = { token: 'very', tokens: 8, location: place(5) };
    expect(findingsOf({ longestTokenRun: run })).toEqual([
      {
        evaluator: 'repetition',
        ruleId: 'repetition/repeated-token',
        severity: 'warning',
        message: '"very" repeats 8 times in a row at line 5.',
        location: place(5),
      },
    ]);
    expect(findingsOf({ longestTokenRun: { ...run, tokens: 7 } })).toEqual([]);
    const loop = { pattern: 'very', period: 1, repeats: 30, tokens: 30, location: place(5) };
    expect(ruleIds(findingsOf({ longestTokenRun: run, longestLoop: loop }))).toEqual([
      'repetition/token-loop',
    ]);
  });

  it('calls a long repeated stretch an error, with its size and share', () => {
    const stretch = { tokens: 1_200, share: 0.956, location: place(40) };
    expect(findingsOf({ repeatedStretch: stretch })).toEqual([
      {
        evaluator: 'repetition',
        ruleId: 'repetition/repeated-stretch',
        severity: 'error',
        message:
          '1,200 tokens from line 40 only repeat what the text said before (96% of them in 4-grams seen earlier): the text loops.',
        location: place(40),
      },
    ]);
    expect(findingsOf({ repeatedStretch: { ...stretch, tokens: 200 } })).toHaveLength(1);
    expect(findingsOf({ repeatedStretch: { ...stretch, tokens: 199 } })).toEqual([]);
  });

  it('calls a long run of symbols an error, listing them', () => {
    const symbols = { symbols: 1_500, distinct: ['*', '-'], location: place(9) };
    expect(findingsOf({ symbolRun: symbols })).toEqual([
      {
        evaluator: 'repetition',
        ruleId: 'repetition/symbol-run',
        severity: 'error',
        message:
          '1,500 symbols with no word between them from line 9 ("*" "-"): the text has collapsed into punctuation, markup or emoji.',
        location: place(9),
      },
    ]);
    expect(findingsOf({ symbolRun: { ...symbols, symbols: 120 } })).toHaveLength(1);
    expect(findingsOf({ symbolRun: { ...symbols, symbols: 119 } })).toEqual([]);
  });

  it('calls rep-4 over the limit an error, and rep-4 at the limit fine', () => {
    expect(findingsOf({ rep4: 0.4321 }, { maxRep4: 0.4 })).toEqual([
      {
        evaluator: 'repetition',
        ruleId: 'repetition/rep4-over-limit',
        severity: 'error',
        message: "43% of the text's 4-grams repeat (rep-4 0.432), over the limit of 0.4.",
      },
    ]);
    expect(findingsOf({ rep4: 0.4 }, { maxRep4: 0.4 })).toEqual([]);
  });

  it('warns of the most repetitive window from the threshold on', () => {
    const series = [0.1, 0.45, 0.3, 0.45].map((rep4, index) => ({
      location: place(10 * (index + 1)),
      distinct1: 0.5,
      distinct2: 0.8,
      rep4,
    }));
    const windows = { size: 500, minDistinct1: 0.5, minDistinct2: 0.8, maxRep4: 0.45, series };
    expect(findingsOf({ windows })).toEqual([
      {
        evaluator: 'repetition',
        ruleId: 'repetition/repetitive-window',
        severity: 'warning',
        message: '45% of the 4-grams in the 500 tokens from line 20 repeat within them.',
        location: place(20),
      },
    ]);
    const atThreshold = series.map((window) => ({ ...window, rep4: Math.min(window.rep4, 0.3) }));
    expect(findingsOf({ windows: { ...windows, series: atThreshold } })).toHaveLength(1);
    const below = series.map((window) => ({ ...window, rep4: 0.29 }));
    expect(findingsOf({ windows: { ...windows, series: below } })).toEqual([]);
  });

  it('tells a repeated paragraph from a nearly repeated one, naming sections', () => {
    const first = { ...place(12), section: 'Background' };
    const worst = [
      { jaccard: 0.95, containment: 0.97, first, second: place(80) },
      { jaccard: 0.6, containment: 0.9, first: place(14), second: place(90) },
      { jaccard: 0.6, containment: 0.7, first: place(16), second: place(95) },
    ];
    expect(findingsOf({ nearDuplicates: { paragraphs: 50, pairs: 3, worst } })).toEqual([
      {
        evaluator: 'repetition',
        ruleId: 'repetition/duplicate-paragraph',
        severity: 'warning',
        message:
          'The paragraph at line 80 repeats the one at line 12 ("Background") (95% of their 5-grams shared).',
        location: place(80),
      },
      {
        evaluator: 'repetition',
        ruleId: 'repetition/near-duplicate-paragraph',
        severity: 'warning',
        message:
          'The paragraph at line 90 nearly repeats the one at line 14 (60% of their 5-grams shared, 90% of the shorter one).',
        location: place(90),
      },
      {
        evaluator: 'repetition',
        ruleId: 'repetition/near-duplicate-paragraph',
        severity: 'warning',
        message:
          'The paragraph at line 95 nearly repeats the one at line 16 (60% of their 5-grams shared).',
        location: place(95),
      },
    ]);
  });

  it('calls a paragraph with 90% of its shingles shared a repeat', () => {
    const pair = { jaccard: 0.9, containment: 0.9, first: place(1), second: place(2) };
    expect(
      ruleIds(findingsOf({ nearDuplicates: { paragraphs: 2, pairs: 1, worst: [pair] } })),
    ).toEqual(['repetition/duplicate-paragraph']);
  });

  it('counts the pairs left out of the list', () => {
    const pair = { jaccard: 0.7, containment: 0.7, first: place(1), second: place(2) };
    const findings = findingsOf({ nearDuplicates: { paragraphs: 80, pairs: 13, worst: [pair] } });
    expect(findings.at(-1)).toEqual({
      evaluator: 'repetition',
      ruleId: 'repetition/near-duplicate-paragraph',
      severity: 'warning',
      message:
        '12 more near-duplicate paragraph pairs were found; the report lists the 1 most similar.',
    });
    expect(
      findingsOf({ nearDuplicates: { paragraphs: 80, pairs: 1, worst: [pair] } }),
    ).toHaveLength(1);
  });

  it('warns of a text that compresses too well, from the threshold on', () => {
    expect(findingsOf({ compressionRatio: 6.04 })).toEqual([
      {
        evaluator: 'repetition',
        ruleId: 'repetition/compressible',
        severity: 'warning',
        message:
          'The text compresses 6.0:1 with Brotli (prose usually stays under 5:1): much of it is predictable from the rest.',
      },
    ]);
    expect(findingsOf({ compressionRatio: 5.5 })).toHaveLength(1);
    expect(findingsOf({ compressionRatio: 5.49 })).toEqual([]);
  });

  it('describes a late collapse by each of its reasons', () => {
    const collapse: RepetitionResult['lateCollapse'] = {
      status: 'collapse',
      baseline: { rep4: 0.02, functionShare: 0.46 },
      window: { rep4: 0.61, functionShare: 0.12 },
      reasons: ['repetition', 'functionWords'],
      position: 0.834,
      location: place(300),
    };
    expect(findingsOf({ lateCollapse: collapse })).toEqual([
      {
        evaluator: 'repetition',
        ruleId: 'repetition/late-collapse',
        severity: 'error',
        message:
          'The text degrades from line 300 (83% into it) to the end: 4-gram repetition 61% against 2% before; function words 12% of tokens against 46% before.',
        location: place(300),
      },
    ]);
    expect(
      findingsOf({ lateCollapse: { ...collapse, reasons: ['functionWords'] } })[0]?.message,
    ).toBe(
      'The text degrades from line 300 (83% into it) to the end: function words 12% of tokens against 46% before.',
    );
    expect(findingsOf({ lateCollapse: { ...collapse, reasons: ['repetition'] } })[0]?.message).toBe(
      'The text degrades from line 300 (83% into it) to the end: 4-gram repetition 61% against 2% before.',
    );
  });
});
