import type { TopLevelSpec } from 'vega-lite';
import type { GridCell } from './sgt-page-data.js';

const decisionScale = {
  domain: ['hit', 'miss', 'undecided'],
  range: ['#3a9e94', '#d6453d', '#e8871e'],
};

/**
 * One task's checks as a grid: segments across, constraints down, each checked cell hit, miss
 * or undecided (inconclusive by wording and not judged). Pure.
 */
export function checkGridChart({
  cells,
  segments,
}: {
  cells: readonly GridCell[];
  /** N: the task's segments 1..N. */
  segments: number;
}): TopLevelSpec {
  const constraints = [...new Set(cells.map((cell) => cell.constraint))];
  return {
    description: 'Each constraint check of the task by segment: hit, miss or undecided.',
    data: { values: cells.map((cell) => ({ ...cell })) },
    width: Math.min(720, Math.max(240, segments * 14)),
    height: Math.max(40, constraints.length * 16),
    mark: { type: 'rect', stroke: 'currentColor', strokeOpacity: 0.25 },
    encoding: {
      x: {
        field: 'segment',
        type: 'ordinal',
        scale: { domain: Array.from({ length: segments }, (_, index) => index + 1) },
        title: 'segment',
      },
      y: {
        field: 'constraint',
        type: 'nominal',
        sort: constraints,
        title: null,
        axis: { labelLimit: 260 },
      },
      color: { field: 'decision', type: 'nominal', scale: decisionScale, title: 'check' },
      tooltip: [{ field: 'constraint' }, { field: 'segment' }, { field: 'decision' }],
    },
  } as TopLevelSpec;
}
