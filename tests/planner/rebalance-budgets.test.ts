import { describe, expect, it } from 'vitest';
import { rebalanceBudgets } from '../../src/planner/rebalance-budgets.js';
import { createPlan } from '../helpers/builders.js';

describe('rebalanceBudgets', () => {
  const plan = createPlan({ count: 10, words: 1_000 });

  it('leaves the budgets while the written sections stay within the slack', () => {
    expect(rebalanceBudgets({ plan, from: 2, writtenWords: 2_300, slack: 0.05 }).plan).toBe(plan);
  });

  it('rescales the pending budgets so the document still meets its target', () => {
    const { plan: rebalanced, pendingWords } = rebalanceBudgets({
      plan,
      from: 3,
      writtenWords: 3_700,
      slack: 0.05,
    });
    expect(pendingWords).toEqual({ before: 7_000, after: 6_300 });
    expect(rebalanced.sections.slice(0, 3).map((section) => section.words)).toEqual([
      1_000, 1_000, 1_000,
    ]);
    expect(rebalanced.sections.slice(3).map((section) => section.words)).toEqual(
      Array(7).fill(900),
    );
  });

  it('scales by at most 2× either way at once', () => {
    const { pendingWords } = rebalanceBudgets({ plan, from: 8, writtenWords: 2_000, slack: 0.05 });
    expect(pendingWords).toEqual({ before: 2_000, after: 4_000 });
  });
});
