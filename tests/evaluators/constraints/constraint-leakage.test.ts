import { describe, expect, it } from 'vitest';
import { constraintLeakage } from '../../../src/evaluators/constraints/constraint-leakage.js';
import { createCheckedSegments, createConstraintCheck } from './build-checks.js';

describe('constraintLeakage', () => {
  it('looks for each event in every present segment that did not ask for it, in segment order', () => {
    const segments = createCheckedSegments([
      [3, 'The pottery class met again.'],
      [1, 'We went to the pottery class.'],
      [2, 'A quiet week of reading.'],
    ]);
    expect(
      constraintLeakage({ checks: [createConstraintCheck({ segment: 1 })], segments }),
    ).toEqual({
      pairs: 2,
      leaked: 1,
      rate: 0.5,
      cases: [{ event: 'pottery class', segment: 3 }],
    });
  });

  it('treats one event in different cases as one, asked wherever any check asks for it', () => {
    const checks = [
      createConstraintCheck({ segment: 1, event: 'Pottery Class' }),
      createConstraintCheck({
        constraint: 1,
        type: 'periodic',
        segment: 3,
        event: 'pottery class ',
      }),
    ];
    const segments = createCheckedSegments([
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
      createConstraintCheck({ segment: 1, event: 'bus station' }),
      createConstraintCheck({
        constraint: 1,
        segment: 2,
        event: 'bus station',
        match: ['tram stop'],
      }),
    ];
    const segments = createCheckedSegments([
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
      constraintLeakage({
        checks: [createConstraintCheck()],
        segments: createCheckedSegments([[1, 'pottery class']]),
      }),
    ).toEqual({ pairs: 0, leaked: 0, rate: null, cases: [] });
  });
});
