import { describe, expect, it } from 'vitest';
import type { CheckDecision } from '../../../src/evaluators/constraints/decide-checks.js';
import { scoreConstraints } from '../../../src/evaluators/constraints/score-constraints.js';

function createDecision(overrides: Partial<CheckDecision>): CheckDecision {
  return {
    constraint: 0,
    type: 'once',
    segment: 1,
    event: 'e',
    match: [],
    present: true,
    decision: 'yes',
    decidedBy: 'lexical',
    ...overrides,
  };
}

describe('scoreConstraints', () => {
  it('computes CR, STIC-1, STIC-2 and wAvg by their definitions', () => {
    const decisions = [
      createDecision({ segment: 1 }),
      createDecision({ segment: 2, decision: 'no' }),
      createDecision({ segment: 3, type: 'range', decision: 'undecided', decidedBy: 'noJudge' }),
      createDecision({
        segment: 9,
        type: 'periodic',
        present: false,
        decision: 'no',
        decidedBy: 'missingSegment',
      }),
      createDecision({
        segment: 53,
        type: 'periodic',
        present: false,
        decision: 'no',
        decidedBy: 'missingSegment',
      }),
    ];
    const scores = scoreConstraints({
      decisions,
      segmentCount: 10,
      presentSegments: [1, 2, 3, 4, 5, 6, 7, 8],
    });
    expect(scores).toMatchObject({
      checks: 5,
      present: 3,
      satisfied: 1,
      undecided: 1,
      cr: 0.8,
      stic1: 1 / 3,
      stic2: 0.2,
    });
    expect(scores.wAvg).toBeCloseTo(0.16, 10);
    expect(scores.byType.periodic).toEqual({
      checks: 2,
      present: 0,
      satisfied: 0,
      stic1: null,
      stic2: 0,
    });
  });

  it('spans deciles over the segment numbers, leaving checks beyond N out of them', () => {
    const decisions = [
      createDecision({ segment: 1 }),
      createDecision({ segment: 52 }),
      createDecision({ segment: 53 }),
    ];
    const { byDecile } = scoreConstraints({
      decisions,
      segmentCount: 52,
      presentSegments: [1, 52],
    });
    expect(byDecile.map(({ decile, from, to }) => [decile, from, to])).toEqual([
      [1, 1, 6],
      [2, 7, 11],
      [3, 12, 16],
      [4, 17, 21],
      [5, 22, 26],
      [6, 27, 32],
      [7, 33, 37],
      [8, 38, 42],
      [9, 43, 47],
      [10, 48, 52],
    ]);
    expect(byDecile.reduce((sum, decile) => sum + decile.checks, 0)).toBe(2);
  });

  it('has no STIC without checks', () => {
    expect(
      scoreConstraints({ decisions: [], segmentCount: 4, presentSegments: [1, 2] }),
    ).toMatchObject({ cr: 0.5, stic1: null, stic2: null, wAvg: null });
  });

  it('counts each required segment once for CR, and names deciles by tenth when N is under ten', () => {
    const scores = scoreConstraints({
      decisions: [
        createDecision({ segment: 1 }),
        createDecision({ segment: 2, decision: 'no' }),
        createDecision({ segment: 3, present: false, decision: 'no', decidedBy: 'missingSegment' }),
      ],
      segmentCount: 3,
      presentSegments: [0, 1, 1, 2, 4],
    });
    expect(scores.cr).toBeCloseTo(2 / 3, 10);
    expect(scores.byDecile).toEqual([
      { decile: 1, from: 1, to: 1, checks: 1, present: 1, satisfied: 1, stic1: 1, stic2: 1 },
      { decile: 4, from: 2, to: 2, checks: 1, present: 1, satisfied: 0, stic1: 0, stic2: 0 },
      { decile: 7, from: 3, to: 3, checks: 1, present: 0, satisfied: 0, stic1: null, stic2: 0 },
    ]);
    expect(scores.byType.range).toEqual({
      checks: 0,
      present: 0,
      satisfied: 0,
      stic1: null,
      stic2: null,
    });
  });
});
