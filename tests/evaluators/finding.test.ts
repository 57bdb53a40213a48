import { describe, expect, it } from 'vitest';
import { type Finding, sortFindings } from '../../src/evaluators/finding.js';

const finding = (ruleId: string, severity: Finding['severity'], offset?: number): Finding => ({
  evaluator: 'repetition',
  ruleId,
  message: `${ruleId}.`,
  severity,
  ...(offset === undefined ? {} : { location: { offset } }),
});

describe('sortFindings', () => {
  it('puts errors first, then warnings, then notes, each in text order, unplaced ones last', () => {
    const findings = [
      finding('note', 'info', 1),
      finding('late-warning', 'warning', 90),
      finding('unplaced-warning', 'warning'),
      finding('early-warning', 'warning', 5),
      finding('error', 'error', 500),
    ];
    expect(sortFindings(findings).map((each) => each.ruleId)).toEqual([
      'error',
      'early-warning',
      'late-warning',
      'unplaced-warning',
      'note',
    ]);
    expect(findings[0]?.ruleId).toBe('note');
  });

  it('keeps the order of findings at the same place', () => {
    const findings = [finding('b', 'warning'), finding('a', 'warning'), finding('c', 'warning')];
    expect(sortFindings(findings).map((each) => each.ruleId)).toEqual(['b', 'a', 'c']);
  });
});
