import { describe, expect, it } from 'vitest';
import { numberPairs } from '../../../src/evaluators/repetition/number-pairs.js';
import { longestRepeatedStretch } from '../../../src/evaluators/repetition/repeated-stretch.js';

const fresh = (count: number, from = 1_000) =>
  Array.from({ length: count }, (_, index) => from + index);
const pattern = (repeats: number) => Array.from({ length: repeats }, () => [1, 2, 3, 4]).flat();

describe('longestRepeatedStretch', () => {
  it('joins the windows that only repeat, from the first one at the share', () => {
    // Every token from 24 on lies in a 4-gram seen before; the window at 22 has 18 of 20.
    const ids = Int32Array.from([...fresh(20), ...pattern(20)]);
    expect(longestRepeatedStretch({ ids, windowTokens: 20 })).toEqual({
      startToken: 22,
      tokens: 78,
      share: 76 / 78,
    });
    const longer = Int32Array.from([...fresh(20), ...pattern(20), 1]);
    expect(longestRepeatedStretch({ ids: longer, windowTokens: 20 })).toMatchObject({
      startToken: 22,
      tokens: 79,
    });
  });

  it('uses windows of 200 tokens at a share of 0.9 unless told', () => {
    const ids = Int32Array.from([...fresh(300), ...pattern(100)]);
    expect(longestRepeatedStretch({ ids })).toEqual({ startToken: 300, tokens: 400, share: 0.99 });
    expect(longestRepeatedStretch({ ids, share: 1 })).toMatchObject({ startToken: 325 });
  });

  it('starts a stretch at the first window when the text repeats from its start', () => {
    expect(longestRepeatedStretch({ ids: Int32Array.from(pattern(10)), windowTokens: 40 })).toEqual(
      { startToken: 0, tokens: 40, share: 0.9 },
    );
  });

  it('keeps the longest of two stretches', () => {
    const ids = Int32Array.from([
      ...fresh(40),
      ...pattern(10),
      ...fresh(40, 2_000),
      ...Array.from({ length: 20 }, () => [5, 6, 7, 8, 9]).flat(),
    ]);
    expect(longestRepeatedStretch({ ids, windowTokens: 20 })).toMatchObject({
      startToken: 124,
      tokens: 96,
    });
  });

  it('finds nothing in a text shorter than a window or than a 4-gram', () => {
    const none = { startToken: 0, tokens: 0, share: 0 };
    expect(longestRepeatedStretch({ ids: Int32Array.from(pattern(4)), windowTokens: 20 })).toEqual(
      none,
    );
    expect(longestRepeatedStretch({ ids: Int32Array.from([1, 1, 1]), windowTokens: 1 })).toEqual(
      none,
    );
    expect(longestRepeatedStretch({ ids: Int32Array.from(fresh(300)) })).toEqual(none);
  });
});

describe('numberPairs', () => {
  it('numbers pairs by first appearance and marks first appearances, over as many pairs as both sides have', () => {
    const { numbers, fresh: first } = numberPairs({
      left: Int32Array.from([1, 2, 1, 3, 1]),
      right: Int32Array.from([5, 5, 5, 5, 5, 9]),
    });
    expect(Array.from(numbers)).toEqual([0, 1, 0, 2, 0]);
    expect(Array.from(first)).toEqual([1, 1, 0, 1, 0]);
  });

  it('tells pairs apart by either side', () => {
    const { numbers } = numberPairs({
      left: Int32Array.from([1, 1, 2, 1]),
      right: Int32Array.from([2, 3, 2, 2]),
    });
    expect(Array.from(numbers)).toEqual([0, 1, 2, 0]);
  });

  it('numbers thousands of pairs without mixing them up', () => {
    const left = Int32Array.from({ length: 5_000 }, (_, index) => index);
    const right = Int32Array.from({ length: 5_000 }, (_, index) => index % 3);
    expect(new Set(numberPairs({ left, right }).numbers).size).toBe(5_000);
  });

  it('keeps hundreds of pairs apart, colliding ones included', () => {
    const left = Int32Array.from({ length: 600 }, (_, index) => index % 300);
    const right = Int32Array.from({ length: 600 }, (_, index) => (index % 300) * 7);
    const { numbers, fresh: first } = numberPairs({ left, right });
    expect(Array.from(numbers)).toEqual([...fresh(300, 0), ...fresh(300, 0)]);
    expect(first.reduce((sum, value) => sum + value, 0)).toBe(300);
  });
});
