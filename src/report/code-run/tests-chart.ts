import type { TopLevelSpec } from 'vega-lite';
import type { StepRow } from './code-run-page-data.js';

/** Tests passed and failed at each step's last check, one stacked bar per step. Pure. */
export function testsChart({ steps }: { steps: readonly StepRow[] }): TopLevelSpec {
  const values = steps.flatMap((step) => [
    { step: step.id, result: 'passed', tests: step.passed ?? 0 },
    { step: step.id, result: 'failed', tests: step.failed ?? 0 },
  ]);
  return {
    description: 'Tests passed and failed at the last check of each step.',
    width: Math.min(900, Math.max(360, steps.length * 48)),
    height: 180,
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'step', type: 'nominal', sort: null, title: 'step', axis: { labelAngle: -45 } },
      y: { field: 'tests', type: 'quantitative', title: 'tests', axis: { tickMinStep: 1 } },
      color: {
        field: 'result',
        type: 'nominal',
        scale: { domain: ['passed', 'failed'], range: ['#3a9e94', '#d6453d'] },
        title: null,
      },
      tooltip: [{ field: 'step' }, { field: 'result' }, { field: 'tests', type: 'quantitative' }],
    },
  } as TopLevelSpec;
}
