import { describe, expect, it } from 'vitest';
import { evaluateRepetition } from '../../../src/evaluators/repetition/evaluate-repetition.js';
import {
  type RepetitionResult,
  RepetitionResultSchema,
} from '../../../src/evaluators/repetition/repetition-result-schema.js';
import { splitParagraphs } from '../../../src/evaluators/repetition/split-paragraphs.js';
import { buildProse } from '../../fixtures/evaluators/build-prose.mjs';
import { schemaDescriptions } from '../../helpers/schema-descriptions.js';

/** Each described field by its path of property names (`items` for an element of a list). */
function describedPaths(): string[] {
  return schemaDescriptions(RepetitionResultSchema)
    .filter(([, text]) => text.trim().length >= 3)
    .map(([path]) => path.replace(/^\$\.properties\./, '').replaceAll('.properties.', '.'));
}

let measured: RepetitionResult | undefined;

/**
 * A real result with something in every part: a paragraph copied later, a symbol run, and a
 * sentence looped to the end (a loop of period 6, a repeated stretch and a collapse). Measured
 * once, inside the first test that asks, so that each test is charged for the code it runs.
 */
function realResult(): RepetitionResult {
  measured ??= measure();
  return measured;
}

function measure(): RepetitionResult {
  const prose = buildProse({ words: 1_500, seed: 11 });
  const [paragraph] = splitParagraphs(prose).slice(3);
  const copy = paragraph ? prose.slice(paragraph.start, paragraph.end) : '';
  const loop = 'The committee will review the proposal. '.repeat(80);
  const text = `${prose}\n\n${copy}\n\n${'** '.repeat(30)}\n\n${loop}`;
  return evaluateRepetition({ text }).repetition;
}

describe('the repetition result schema', () => {
  it('holds what the evaluator reports', () => {
    const result = realResult();
    expect(result.lateCollapse.status).toBe('collapse');
    expect(result.longestLoop.period).toBe(6);
    expect(result.nearDuplicates).toMatchObject({ pairs: 1 });
    expect(result.repeatedStretch.tokens).toBeGreaterThan(0);
    expect(result.symbolRun.symbols).toBeGreaterThan(0);
    expect(RepetitionResultSchema.parse(result)).toEqual(result);
  });

  it('describes every measure a reader of the report meets', () => {
    expect(describedPaths()).toEqual(
      expect.arrayContaining([
        'tokens',
        'distinct1',
        'distinct2',
        'distinct4',
        'rep4',
        'windows.size',
        'windows.series',
        'longestTokenRun',
        'longestLoop',
        'longestLoop.pattern',
        'repeatedStretch',
        'repeatedStretch.tokens',
        'repeatedStretch.share',
        'symbolRun',
        'symbolRun.distinct',
        'compressionRatio',
        'nearDuplicates.paragraphs',
        'nearDuplicates.pairs',
        'nearDuplicates.worst',
        'nearDuplicates.worst.items.jaccard',
        'nearDuplicates.worst.items.containment',
        'nearDuplicates.worst.items.first',
        'nearDuplicates.worst.items.second',
        'lateCollapse.baseline',
        'lateCollapse.window',
        'lateCollapse.position',
      ]),
    );
  });

  it.each<[string, (r: RepetitionResult) => unknown]>([
    ['no collapse', (r) => ({ ...r, lateCollapse: { ...r.lateCollapse, status: 'none' } })],
    [
      'a text too short to check for a collapse',
      (r) => ({ ...r, lateCollapse: { ...r.lateCollapse, status: 'tooShort', baseline: null } }),
    ],
    [
      'a collapse for both reasons',
      (r) => ({
        ...r,
        lateCollapse: { ...r.lateCollapse, reasons: ['repetition', 'functionWords'] },
      }),
    ],
    ['ratios of 0 and 1', (r) => ({ ...r, distinct1: 0, rep4: 1 })],
    ['no tokens', (r) => ({ ...r, tokens: 0 })],
    ['windows of one token', (r) => ({ ...r, windows: { ...r.windows, size: 1 } })],
    ['a compression ratio of 0', (r) => ({ ...r, compressionRatio: 0 })],
  ])('accepts %s', (_, change) => {
    expect(RepetitionResultSchema.safeParse(change(realResult())).success).toBe(true);
  });

  it.each<[string, (r: RepetitionResult) => unknown]>([
    ['a ratio over 1', (r) => ({ ...r, distinct2: 1.5 })],
    ['a negative ratio', (r) => ({ ...r, rep4: -0.1 })],
    ['a fractional token count', (r) => ({ ...r, tokens: 10.5 })],
    ['a negative token count', (r) => ({ ...r, tokens: -1 })],
    ['windows of no tokens', (r) => ({ ...r, windows: { ...r.windows, size: 0 } })],
    ['a loop of period 0', (r) => ({ ...r, longestLoop: { ...r.longestLoop, period: 0 } })],
    ['a negative repeat count', (r) => ({ ...r, longestLoop: { ...r.longestLoop, repeats: -1 } })],
    ['a negative compression ratio', (r) => ({ ...r, compressionRatio: -1 })],
    [
      'an unknown collapse status',
      (r) => ({ ...r, lateCollapse: { ...r.lateCollapse, status: 'maybe' } }),
    ],
    [
      'an unknown collapse reason',
      (r) => ({ ...r, lateCollapse: { ...r.lateCollapse, reasons: ['length'] } }),
    ],
    [
      'a collapse position past the end',
      (r) => ({ ...r, lateCollapse: { ...r.lateCollapse, position: 1.2 } }),
    ],
    ['a field it does not know', (r) => ({ ...r, distinct3: 0.9 })],
  ])('refuses %s', (_, change) => {
    expect(RepetitionResultSchema.safeParse(change(realResult())).success).toBe(false);
  });
});
