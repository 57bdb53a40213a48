import { describe, expect, it } from 'vitest';
import { constraintLeakage } from '../../../src/evaluators/constraints/constraint-leakage.js';
import type { CheckedSegment } from '../../../src/evaluators/constraints/decide-checks.js';
import { indexText } from '../../../src/evaluators/constraints/event-matcher.js';
import type { ConstraintCheck } from '../../../src/evaluators/constraints/expand-constraints.js';

function createCheck(overrides: Partial<ConstraintCheck> = {}): ConstraintCheck {
  return {
    constraint: 0,
    type: 'once',
    segment: 1,
    event: 'pottery class',
    match: [],
    ...overrides,
  };
}

/** Segments by number, each holding the text given, in the order given. */
const segmentsOf = (texts: Array<[number, string]>) =>
  new Map<number, CheckedSegment>(
    texts.map(([number, text]) => [number, { text, index: indexText(text) }]),
  );

describe('constraintLeakage', () => {
  it('looks for each event in every present segment that did not ask for it, in segment order', () => {
    const segments = segmentsOf([
      [3, 'The pottery class met again.'],
      [1, 'We went to the pottery class.'],
      [2, 'A quiet week of reading.'],
    ]);
    expect(constraintLeakage({ checks: [createCheck({ segment: 1 })], segments })).toEqual({
      pairs: 2,
      leaked: 1,
      rate: 0.5,
      cases: [{ event: 'pottery class', segment: 3 }],
    });
  });

  it('treats one event in different cases as one, asked wherever any check asks for it', () => {
    const checks = [
      createCheck({ segment: 1, event: 'Pottery Class' }),
      createCheck({ constraint: 1, type: 'periodic', segment: 3, event: 'pottery class ' }),
    ];
    const segments = segmentsOf([
      [1, 'Pottery class.'],
      [2, 'Pottery class.'],
      [3, 'Pottery class.'],
    ]);
    expect(constraintLeakage({ checks, segments })).toEqual({
      pairs: 1,
      leaked: 1,
      rate: 1,
      cases: [{ event: 'Pottery Class', segment: 2 }],
    });
  });

  it('finds an event by any match phrase of any of its checks, and only when the wording is clear', () => {
    const checks = [
      createCheck({ segment: 1, event: 'bus station' }),
      createCheck({ constraint: 1, segment: 2, event: 'bus station', match: ['tram stop'] }),
    ];
    const segments = segmentsOf([
      [3, 'A tram stop sits on the corner.'],
      [4, 'The station for trains is far.'],
    ]);
    expect(constraintLeakage({ checks, segments })).toEqual({
      pairs: 2,
      leaked: 1,
      rate: 0.5,
      cases: [{ event: 'bus station', segment: 3 }],
    });
  });

  it('has no rate when there is nothing to examine', () => {
    expect(
      constraintLeakage({ checks: [createCheck()], segments: segmentsOf([[1, 'pottery class']]) }),
    ).toEqual({ pairs: 0, leaked: 0, rate: null, cases: [] });
  });
});
