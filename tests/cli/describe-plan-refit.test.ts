import { describe, expect, it } from 'vitest';
import { describePlanRefit } from '../../src/cli/describe-plan-refit.js';

describe('describePlanRefit', () => {
  it('says why each kind of refit changed the plan, from which section, and what it became', () => {
    expect(
      describePlanRefit({ reason: 'capacity', index: 2, sections: 9, wordsPerReply: 400 }),
    ).toBe(
      'the model writes about 400 words per reply: sections from 3 on divided to fit (9 sections now)',
    );
    expect(
      describePlanRefit({ reason: 'window', index: 0, sections: 12, wordsPerReply: 250 }),
    ).toBe(
      'the context window leaves room for about 250 words per reply: sections from 1 on divided to fit (12 sections now)',
    );
    expect(describePlanRefit({ reason: 'floor', index: 4, sections: 6, wordsPerReply: 300 })).toBe(
      'the model writes at least 300 words per reply, however few it is asked for: no section from 5 on is asked for less (6 sections now)',
    );
    expect(
      describePlanRefit({
        reason: 'rebalance',
        index: 1,
        sections: 8,
        pendingWords: { before: 12_400, after: 9_600 },
      }),
    ).toBe('budgets from section 2 on rebalanced to keep the target (12k → 9,600 words)');
  });
});
