import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../../src/cli/progress/format-duration.js';
import { formatShortCount } from '../../../src/cli/progress/format-short-count.js';
import { formatCount } from '../../../src/util/format-count.js';

describe('the counts and durations a progress line shows', () => {
  it('separates thousands in a whole count', () => {
    expect(formatCount(12_000)).toBe('12,000');
    expect(formatCount(999)).toBe('999');
  });

  it('shortens a count of ten thousand or more to k, and a million or more to M', () => {
    expect(formatShortCount(9_999)).toBe('9,999');
    expect(formatShortCount(10_000)).toBe('10k');
    expect(formatShortCount(52_310)).toBe('52k');
    expect(formatShortCount(999_499)).toBe('999k');
    expect(formatShortCount(999_500)).toBe('1.0M');
    expect(formatShortCount(1_000_000)).toBe('1.0M');
    expect(formatShortCount(1_234_567)).toBe('1.2M');
  });

  it('writes minutes and seconds, and hours past an hour', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(65.4)).toBe('1:05');
    expect(formatDuration(3_723)).toBe('1:02:03');
    expect(formatDuration(-3)).toBe('0:00');
  });
});
