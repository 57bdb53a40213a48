import { formatCell } from '../markdown-table.js';

/** How one metric fared against a suite's threshold. */
export interface ThresholdOutcome {
  metric: string;
  /** `min`: the value must reach the threshold; `max`: it must not exceed it. */
  kind: 'min' | 'max';
  threshold: number;
  value: number | null;
  /** `notMeasured`: the metric has no value (e.g. S_q without a judge): neither pass nor fail. */
  status: 'pass' | 'fail' | 'notMeasured';
}

/** One threshold to check: a metric's value and its bound. */
export interface ThresholdCheck {
  metric: string;
  value: number | null;
  min?: number;
  max?: number;
}

/** Checks values against a suite's thresholds; checks without a bound are left out. Pure. */
export function checkThresholds(checks: readonly ThresholdCheck[]): ThresholdOutcome[] {
  return checks.flatMap(({ metric, value, min, max }): ThresholdOutcome[] => {
    const bound =
      min !== undefined
        ? { kind: 'min' as const, threshold: min }
        : max !== undefined
          ? { kind: 'max' as const, threshold: max }
          : undefined;
    if (bound === undefined) return [];
    const status =
      value === null
        ? 'notMeasured'
        : (bound.kind === 'min' ? value >= bound.threshold : value <= bound.threshold)
          ? 'pass'
          : 'fail';
    return [{ metric, ...bound, value, status }];
  });
}

/** One line per outcome, e.g. `S_l 72.4 ≥ 80: fail`. Pure. */
export function formatThresholds({
  suite,
  outcomes,
  digits = 1,
}: {
  suite: string;
  outcomes: readonly ThresholdOutcome[];
  digits?: number;
}): string {
  const lines = outcomes.map((outcome) => {
    const sign = outcome.kind === 'min' ? '≥' : '≤';
    const verdict =
      outcome.status === 'notMeasured'
        ? 'not measured'
        : outcome.status === 'pass'
          ? 'pass'
          : 'FAIL';
    return `- ${outcome.metric} ${formatCell(outcome.value, digits)} (${sign} ${outcome.threshold}): ${verdict}`;
  });
  return [`Suite ${suite}:`, ...lines].join('\n');
}
