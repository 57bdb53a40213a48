import type { TopLevelSpec } from 'vega-lite';
import type { StepTokens } from './step-timeline.js';

/** Input and output tokens of each committed section, all its attempts together. Pure. */
export function stepTokensChart({ steps }: { steps: readonly StepTokens[] }): TopLevelSpec {
  const values = steps.flatMap((step) => [
    { section: step.sectionId, kind: 'input', tokens: step.inputTokens },
    { section: step.sectionId, kind: 'output', tokens: step.outputTokens },
  ]);
  return {
    description: 'Input and output tokens of each section.',
    width: Math.min(900, Math.max(480, steps.length * 56)),
    height: 180,
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      x: {
        field: 'section',
        type: 'nominal',
        sort: null,
        title: 'section',
        axis: { labelAngle: -45 },
      },
      y: { field: 'tokens', type: 'quantitative', title: 'tokens' },
      color: { field: 'kind', type: 'nominal', title: 'tokens' },
      tooltip: [{ field: 'section' }, { field: 'kind' }, { field: 'tokens', type: 'quantitative' }],
    },
  } as TopLevelSpec;
}
