import type { TopLevelSpec } from 'vega-lite';
import type { ScenarioScore } from './sgt-page-data.js';

/** SGT's CR, STIC-1, STIC-2 and wAvg by scenario, one bar per mode. Pure. */
export function scenarioScoreChart({ scores }: { scores: readonly ScenarioScore[] }): TopLevelSpec {
  return {
    description: 'CR, STIC-1, STIC-2 and wAvg by scenario and mode, in percent.',
    data: { values: scores.map((score) => ({ ...score })) },
    width: 150,
    height: 180,
    mark: { type: 'bar' },
    encoding: {
      column: {
        field: 'metric',
        type: 'nominal',
        sort: ['CR', 'STIC-1', 'STIC-2', 'wAvg'],
        title: null,
      },
      x: { field: 'scenario', type: 'nominal', title: null, axis: { labelAngle: -30 } },
      xOffset: { field: 'mode', type: 'nominal' },
      y: { field: 'value', type: 'quantitative', scale: { domain: [0, 100] }, title: 'percent' },
      color: {
        field: 'mode',
        type: 'nominal',
        scale: { domain: ['quire', 'direct'] },
        title: 'mode',
      },
      tooltip: [
        { field: 'metric' },
        { field: 'scenario' },
        { field: 'mode' },
        { field: 'value', type: 'quantitative' },
      ],
    },
  } as TopLevelSpec;
}
