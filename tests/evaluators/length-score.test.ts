import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../src/errors/invalid-option-error.js';
import { lengthBucket, lengthBuckets } from '../../src/evaluators/length-bucket.js';
import { lengthScore } from '../../src/evaluators/length-score.js';

describe('lengthScore', () => {
  it.each([
    ['half the length', 500, 50],
    ['0.8×', 800, 87.5],
    ['1.5×', 1_500, 83.333],
    ['2×', 2_000, 66.667],
    ['4× over', 4_000, 0],
    ['far over', 9_000, 0],
    ['exactly on target', 1_000, 100],
    ['⅓ under (⅔ of the length)', 2_000 / 3, 75],
    ['a third of the length', 1_000 / 3, 0],
    ['under a third', 100, 0],
    ['no words', 0, 0],
  ])('%s of 1,000 words scores %d', (_name, produced, expected) => {
    expect(lengthScore({ required: 1_000, produced })).toBeCloseTo(expected, 3);
  });

  it('follows both branches of the formula', () => {
    expect(lengthScore({ required: 300, produced: 400 })).toBeCloseTo(
      100 * (1 - (400 / 300 - 1) / 3),
      10,
    );
    expect(lengthScore({ required: 400, produced: 300 })).toBeCloseTo(
      100 * (1 - (400 / 300 - 1) / 2),
      10,
    );
  });

  it.each([
    ['required', { required: 0, produced: 5 }],
    ['required', { required: -10, produced: 5 }],
    ['required', { required: Number.NaN, produced: 5 }],
    ['produced', { required: 10, produced: -1 }],
    ['produced', { required: 10, produced: Number.POSITIVE_INFINITY }],
  ])('refuses a bad %s', (option, input) => {
    const error = (() => {
      try {
        lengthScore(input);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(InvalidOptionError);
    expect(error).toMatchObject({ option, category: 'input' });
  });

  it('says what each option must be', () => {
    expect(() => lengthScore({ required: Number.POSITIVE_INFINITY, produced: 5 })).toThrow(
      'Option "required" must be a positive number, got Infinity.',
    );
    expect(() => lengthScore({ required: 10, produced: Number.NaN })).toThrow(
      'Option "produced" must be a number of words, zero or more, got NaN.',
    );
  });
});

describe('lengthBucket', () => {
  it.each([
    [0, '[0,500)'],
    [499, '[0,500)'],
    [500, '[500,2000)'],
    [1_999, '[500,2000)'],
    [2_000, '[2000,4000)'],
    [3_999, '[2000,4000)'],
    [4_000, '[4000,20000]'],
    [20_000, '[4000,20000]'],
    [20_001, '>20000'],
  ])('puts %i in %s', (required, bucket) => {
    expect(lengthBucket(required)).toBe(bucket);
  });
});

describe('lengthBuckets', () => {
  it('lists every bucket in order of length', () => {
    expect(lengthBuckets).toEqual([
      '[0,500)',
      '[500,2000)',
      '[2000,4000)',
      '[4000,20000]',
      '>20000',
    ]);
  });
});
