import type { TopLevelSpec } from 'vega-lite';
import type { StageUsage } from './stage-usage.js';

/**
 * Where the run's spending went, one bar per stage: estimated US dollars when the model has a
 * price and cost anything, tokens (input and output) otherwise. Pure.
 */
export function stageChart({ stages }: { stages: readonly StageUsage[] }): TopLevelSpec {
  const inDollars = stages.some((stage) => (stage.costUsd ?? 0) > 0);
  const values = inDollars
    ? stages.map((stage) => ({ stage: stage.stage, kind: 'cost', amount: stage.costUsd ?? 0 }))
    : stages.flatMap((stage) => [
        { stage: stage.stage, kind: 'input tokens', amount: stage.inputTokens },
        { stage: stage.stage, kind: 'output tokens', amount: stage.outputTokens },
      ]);
  return {
    description: inDollars
      ? 'Estimated cost of each stage of the run, in US dollars.'
      : 'Tokens of each stage of the run.',
    width: 480,
    height: Math.max(60, stages.length * 28),
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'stage', type: 'nominal', sort: null, title: null },
      x: {
        field: 'amount',
        type: 'quantitative',
        title: inDollars ? 'US dollars (estimated)' : 'tokens',
      },
      color: { field: 'kind', type: 'nominal', title: null },
      tooltip: [{ field: 'stage' }, { field: 'kind' }, { field: 'amount', type: 'quantitative' }],
    },
  } as TopLevelSpec;
}
