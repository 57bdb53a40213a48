import { describe, expect, it } from 'vitest';
import { checkThresholds, formatThresholds } from '../../../src/bench/suite/check-thresholds.js';

describe('checkThresholds', () => {
  const outcomes = checkThresholds([
    { metric: 'S_l', value: 72.4, min: 80 },
    { metric: 'CR', value: 1, min: 1 },
    { metric: 'leakage', value: 0.05, max: 0.1 },
    { metric: 'leakage too', value: 0.2, max: 0.1 },
    { metric: 'S_q', value: null, min: 60 },
    { metric: 'unbounded', value: 3 },
  ]);

  it('passes a minimum reached and a maximum kept, fails the others, and skips unbounded metrics', () => {
    expect(outcomes.map((outcome) => [outcome.metric, outcome.kind, outcome.status])).toEqual([
      ['S_l', 'min', 'fail'],
      ['CR', 'min', 'pass'],
      ['leakage', 'max', 'pass'],
      ['leakage too', 'max', 'fail'],
      ['S_q', 'min', 'notMeasured'],
    ]);
  });

  it('formats one line per outcome', () => {
    expect(
      formatThresholds({
        suite: 'quick',
        outcomes: outcomes.slice(0, 1).concat(outcomes.slice(4)),
      }),
    ).toBe(['Suite quick:', '- S_l 72.4 (≥ 80): FAIL', '- S_q – (≥ 60): not measured'].join('\n'));
  });
});
