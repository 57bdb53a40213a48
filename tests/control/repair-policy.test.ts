import { describe, expect, it } from 'vitest';
import { chooseRepair } from '../../src/control/repair-policy.js';
import type { Finding } from '../../src/evaluators/finding.js';

/** A finding of a section check with the given rule and severity. */
function finding(ruleId: string, severity: Finding['severity'] = 'error'): Finding {
  return { evaluator: 'check', ruleId, severity, message: `${ruleId} failed` };
}

describe('chooseRepair', () => {
  it('repairs nothing when no check failed with an error', () => {
    expect(chooseRepair([])).toBeUndefined();
    expect(
      chooseRepair([finding('check/repetition', 'warning'), finding('check/meta-text', 'info')]),
    ).toBeUndefined();
  });

  it('expands a section that is short or was cut off', () => {
    expect(chooseRepair([finding('check/length-short')])).toBe('expand');
    expect(chooseRepair([finding('check/truncated')])).toBe('expand');
  });

  it('condenses a section that is long, even when it was also cut off', () => {
    expect(chooseRepair([finding('check/length-long')])).toBe('condense');
    expect(chooseRepair([finding('check/truncated'), finding('check/length-long')])).toBe(
      'condense',
    );
  });

  it('rewrites a section with a content error, whatever its length', () => {
    expect(chooseRepair([finding('check/repetition')])).toBe('rewrite');
    expect(chooseRepair([finding('check/length-short'), finding('check/meta-text')])).toBe(
      'rewrite',
    );
  });

  it('judges only the errors: a content warning beside a length error is a length repair', () => {
    expect(
      chooseRepair([finding('check/repetition', 'warning'), finding('check/length-long')]),
    ).toBe('condense');
    expect(
      chooseRepair([finding('check/length-long', 'warning'), finding('check/length-short')]),
    ).toBe('expand');
  });
});
