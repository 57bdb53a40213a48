import { describe, expect, it } from 'vitest';
import { trend } from '../../../src/evaluators/degradation/trend.js';

describe('trend', () => {
  it('leaves the middle part out of both halves when the count is odd', () => {
    expect(trend([1, 100, 3])).toMatchObject({ firstHalf: 1, secondHalf: 3, first: 1, last: 3 });
  });

  it('places the parts from 0 to 1, so the slope is the change from first to last', () => {
    expect(trend([2, 4])).toMatchObject({
      first: 2,
      last: 4,
      delta: 2,
      firstHalf: 2,
      secondHalf: 4,
    });
    expect(trend([2, 4]).slope).toBeCloseTo(2, 10);
    expect(trend([10, 10, 10, 4]).slope).toBeCloseTo(-5.4, 10);
  });

  it('has no last value, delta, slope or halves for a single part', () => {
    expect(trend([5])).toEqual({
      first: 5,
      last: null,
      delta: null,
      slope: null,
      firstHalf: null,
      secondHalf: null,
    });
  });

  it('has no slope or last value when only one part has the measure', () => {
    expect(trend([null, 5])).toEqual({
      first: 5,
      last: null,
      delta: null,
      slope: null,
      firstHalf: null,
      secondHalf: 5,
    });
  });

  it('is all null when no part has the measure', () => {
    expect(trend([null, null, null, null])).toEqual({
      first: null,
      last: null,
      delta: null,
      slope: null,
      firstHalf: null,
      secondHalf: null,
    });
  });
});
