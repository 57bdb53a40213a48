import { describe, expect, it } from 'vitest';
import { formatNumberRanges } from '../../src/evaluators/format-number-ranges.js';

describe('formatNumberRanges', () => {
  it('joins runs of consecutive numbers, sorted, each number once', () => {
    expect(formatNumberRanges({ numbers: [10, 9, 1, 3, 2, 7, 2] })).toBe('1–3, 7, 9–10');
    expect(formatNumberRanges({ numbers: [] })).toBe('');
    expect(formatNumberRanges({ numbers: [0, 1] })).toBe('0–1');
  });

  it('cuts a long list after 12 parts unless told otherwise, counting the rest', () => {
    const numbers = Array.from({ length: 14 }, (_, index) => index * 2);
    expect(formatNumberRanges({ numbers })).toBe(
      '0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22 and 2 more',
    );
    expect(formatNumberRanges({ numbers: numbers.slice(0, 12) })).toBe(
      '0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22',
    );
    expect(formatNumberRanges({ numbers: [1, 3, 5], limit: 2 })).toBe('1, 3 and 1 more');
  });
});
