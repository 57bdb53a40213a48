import { describe, expect, it } from 'vitest';
import { formatRubricLines } from '../../../src/evaluators/rubric/format-rubric-lines.js';
import type { RubricResult } from '../../../src/evaluators/rubric/rubric-result-schema.js';

type CriterionResult = RubricResult['criteria'][number];

/** A scored criterion named `name`; override what the test is about. */
function createCriterion(name: string, overrides: Partial<CriterionResult> = {}): CriterionResult {
  return {
    name,
    description: `Check ${name}.`,
    levels: [],
    status: 'scored',
    score: 7,
    reason: `${name} holds.`,
    ...overrides,
  };
}

/** A rubric result over `criteria`, scored by their mean unless one was dropped. */
function createRubricResult(
  criteria: CriterionResult[],
  overrides: Partial<RubricResult> = {},
): RubricResult {
  const dropped = criteria.filter((criterion) => criterion.score === null).length;
  return {
    judge: 'openai:judge-model',
    format: 'quire',
    request: null,
    criteria,
    score:
      dropped > 0
        ? null
        : criteria.reduce((sum, criterion) => sum + (criterion.score ?? 0), 0) / criteria.length,
    dropped,
    ...overrides,
  };
}

describe('formatRubricLines', () => {
  it('gives the mean, then each criterion on one line, scores aligned, in the rubric order', () => {
    const lines = formatRubricLines(
      createRubricResult([
        createCriterion('Accuracy', { score: 10, reason: 'Every figure\n  matches   the brief. ' }),
        createCriterion('Tone', { score: 5, reason: 'Drifts.' }),
      ]),
    );
    expect(lines).toEqual([
      'rubric: mean 7.50 of 10 over 2 criteria (a quire rubric; judge openai:judge-model)',
      '  10  Accuracy: Every figure matches the brief.',
      '   5  Tone: Drifts.',
    ]);
  });

  it('names a WritingBench item as the source', () => {
    const [first] = formatRubricLines(
      createRubricResult([createCriterion('Depth')], { format: 'writingbench' }),
    );
    expect(first).toBe(
      'rubric: mean 7.00 of 10 over 1 criteria (a WritingBench item; judge openai:judge-model)',
    );
  });

  it('shows a dash for a dropped criterion and for the mean it leaves out', () => {
    const lines = formatRubricLines(
      createRubricResult([
        createCriterion('Accuracy', { status: 'dropped', score: null, reason: 'No JSON.' }),
        createCriterion('Tone', { score: 6 }),
      ]),
    );
    expect(lines).toEqual([
      'rubric: mean — (a criterion was dropped) of 10 over 2 criteria (a quire rubric; judge openai:judge-model)',
      '   —  Accuracy: No JSON.',
      '   6  Tone: Tone holds.',
    ]);
  });
});
