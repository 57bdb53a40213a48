import { describe, expect, it } from 'vitest';
import {
  DegradationResultSchema,
  degradationMeasures,
} from '../../../src/evaluators/degradation/degradation-result-schema.js';
import { evaluateDegradation } from '../../../src/evaluators/degradation/evaluate-degradation.js';
import { schemaDescriptions } from '../../helpers/schema-descriptions.js';

/** `count` different words, none a function word. */
const words = (count: number, from = 0) =>
  Array.from({ length: count }, (_, index) => `word${from + index}`).join(' ');

describe('DegradationResultSchema', () => {
  it.each([
    [
      'sections',
      {
        text: 'x',
        sections: [
          { title: 'A', text: words(60) },
          { title: 'B', text: 'b' },
        ],
      },
    ],
    ['headings', { text: `## A\n\n${words(60)}\n\n## B\n\n${words(60, 60)}\n` }],
    ['chunks', { text: words(400) }],
  ])('accepts a result over %s as it is', async (source, input) => {
    const { degradation } = await evaluateDegradation(input);
    expect(degradation?.source).toBe(source);
    expect(DegradationResultSchema.parse(degradation)).toEqual(degradation);
  });

  it('accepts every measure as degraded, and nothing else', () => {
    const trend = { first: 1, last: 0, delta: -1, slope: -1, firstHalf: 1, secondHalf: 0 };
    const result = {
      source: 'headings',
      parts: [],
      trends: Object.fromEntries(degradationMeasures.map((measure) => [measure, trend])),
      degraded: [...degradationMeasures],
    };
    expect(degradationMeasures).toEqual([
      'distinct1',
      'distinct2',
      'rep4',
      'functionShare',
      'sentenceLength',
      'quality',
    ]);
    expect(DegradationResultSchema.parse(result)).toEqual(result);
    expect(DegradationResultSchema.safeParse({ ...result, degraded: ['tone'] }).success).toBe(
      false,
    );
  });

  it('describes its fields in its JSON schema, none with an empty description', () => {
    const found = schemaDescriptions(DegradationResultSchema);
    expect(found.length).toBeGreaterThanOrEqual(6);
    expect(found.filter(([, text]) => text.trim().length < 3)).toEqual([]);
  });
});
