import { describe, expect, it } from 'vitest';
import { isBetterDraft } from '../../../src/control/section-step/is-better-draft.js';
import type { Finding } from '../../../src/evaluators/finding.js';
import { prose } from '../../helpers/prompt-model.js';

const finding = (severity: Finding['severity']): Finding => ({
  evaluator: 'check',
  ruleId: 'check/test',
  severity,
  message: 'a finding',
});

describe('isBetterDraft', () => {
  const budget = 100;

  it('prefers fewer errors, however far the draft is from its budget', () => {
    const close = { text: prose(100, 1), findings: [finding('error')] };
    const far = { text: prose(40, 2), findings: [] };
    expect(isBetterDraft({ candidate: far, than: close, budget })).toBe(true);
    expect(isBetterDraft({ candidate: close, than: far, budget })).toBe(false);
  });

  it('with as many errors, prefers the draft closer to its budget; warnings do not count', () => {
    const close = { text: prose(95, 1), findings: [finding('warning'), finding('warning')] };
    const far = { text: prose(130, 2), findings: [] };
    expect(isBetterDraft({ candidate: close, than: far, budget })).toBe(true);
    expect(isBetterDraft({ candidate: far, than: close, budget })).toBe(false);
  });

  it('keeps the draft already held on a tie', () => {
    const short = { text: prose(90, 1), findings: [] };
    const long = { text: prose(110, 2), findings: [] };
    expect(isBetterDraft({ candidate: long, than: short, budget })).toBe(false);
    expect(isBetterDraft({ candidate: short, than: long, budget })).toBe(false);
  });
});
