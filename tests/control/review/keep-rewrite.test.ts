import { describe, expect, it } from 'vitest';
import { keepRewrite } from '../../../src/control/review/keep-rewrite.js';
import type { Finding } from '../../../src/evaluators/finding.js';

const finding = (ruleId: string, severity: Finding['severity'] = 'error'): Finding => ({
  evaluator: 'review',
  ruleId,
  message: `${ruleId} in s002`,
  severity,
  location: { section: 's002' },
});

describe('keepRewrite', () => {
  it('keeps a rewrite that leaves fewer findings', () => {
    expect(keepRewrite({ before: [finding('review/repetition')], after: [] })).toBe(true);
  });

  it('refuses a rewrite that leaves as many findings', () => {
    const before = [finding('review/repetition')];
    expect(keepRewrite({ before, after: [finding('review/repetition')] })).toBe(false);
  });

  it('refuses a rewrite that brings an error of a new rule, even with fewer findings', () => {
    const before = [finding('review/repetition'), finding('review/meta-text')];
    expect(keepRewrite({ before, after: [finding('review/contradiction')] })).toBe(false);
    expect(keepRewrite({ before, after: [finding('review/transition', 'warning')] })).toBe(true);
  });
});
