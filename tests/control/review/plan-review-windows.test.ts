import { describe, expect, it } from 'vitest';
import { planReviewWindows } from '../../../src/control/review/plan-review-windows.js';

describe('planReviewWindows', () => {
  it('reads the whole document at once when it fits or no window is known', () => {
    expect(planReviewWindows({ sectionTokens: [100, 100, 100], budgetTokens: 300 })).toEqual([
      { first: 0, last: 2 },
    ]);
    expect(planReviewWindows({ sectionTokens: [100, 100], budgetTokens: undefined })).toEqual([
      { first: 0, last: 1 },
    ]);
    expect(planReviewWindows({ sectionTokens: [], budgetTokens: 10 })).toEqual([]);
  });

  it('overlaps consecutive windows by one section so neighbours are always read together', () => {
    const windows = planReviewWindows({
      sectionTokens: [100, 100, 100, 100, 100],
      budgetTokens: 250,
    });
    expect(windows).toEqual([
      { first: 0, last: 1 },
      { first: 1, last: 2 },
      { first: 2, last: 3 },
      { first: 3, last: 4 },
    ]);
  });

  it('gives a section larger than the budget a window of its own and moves on', () => {
    expect(planReviewWindows({ sectionTokens: [50, 500, 50], budgetTokens: 100 })).toEqual([
      { first: 0, last: 0 },
      { first: 1, last: 1 },
      { first: 2, last: 2 },
    ]);
  });
});
