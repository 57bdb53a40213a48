import type { TopLevelSpec } from 'vega-lite';
import type { LengthGateSettings } from '../../evaluators/length-gate.js';
import type { LengthRatio, RejectionCount, ThroughputPoint } from './sft-page-data.js';

const statusScale = { domain: ['accepted', 'rejected'], range: ['#3a9e94', '#d6453d'] };

/**
 * How long the answers came out against their targets: a histogram of words ÷ target, accepted
 * and rejected stacked, with the length gate's floor and ceiling as rules. Pure.
 */
export function lengthRatioChart({
  ratios,
  gate,
}: {
  ratios: readonly LengthRatio[];
  gate: LengthGateSettings;
}): TopLevelSpec {
  return {
    description: 'Histogram of answer length divided by its target, with the length gate.',
    width: 480,
    height: 180,
    layer: [
      {
        name: 'answers',
        data: { values: ratios.map((ratio) => ({ ...ratio })) },
        mark: { type: 'bar' },
        encoding: {
          x: { field: 'ratio', type: 'quantitative', bin: { step: 0.05 }, title: 'words ÷ target' },
          y: { aggregate: 'count', type: 'quantitative', title: 'answers' },
          color: { field: 'status', type: 'nominal', scale: statusScale, title: null },
        },
      },
      {
        name: 'gate',
        data: { values: [{ share: gate.floor }, { share: gate.ceiling }] },
        mark: { type: 'rule', color: 'currentColor', strokeDash: [4, 3] },
        encoding: { x: { field: 'share', type: 'quantitative' } },
      },
    ],
  } as TopLevelSpec;
}

/** How many answers each rejection reason turned away. Pure. */
export function rejectionChart({ reasons }: { reasons: readonly RejectionCount[] }): TopLevelSpec {
  return {
    description: 'Rejected answers by reason.',
    width: 420,
    height: Math.max(40, reasons.length * 26),
    data: { values: reasons.map((reason) => ({ ...reason })) },
    mark: { type: 'bar', color: '#d6453d' },
    encoding: {
      y: { field: 'reason', type: 'nominal', sort: '-x', title: null },
      x: { field: 'answers', type: 'quantitative', title: 'answers', axis: { tickMinStep: 1 } },
      tooltip: [{ field: 'reason' }, { field: 'answers', type: 'quantitative' }],
    },
  } as TopLevelSpec;
}

/** Answers finished over time, accepted and rejected, as running counts. Pure. */
export function throughputChart({ points }: { points: readonly ThroughputPoint[] }): TopLevelSpec {
  return {
    description: 'Accepted and rejected answers finished over time.',
    width: 480,
    height: 180,
    data: { values: points.map((point) => ({ ...point })) },
    mark: { type: 'line', point: true, interpolate: 'step-after' },
    encoding: {
      x: { field: 'minutes', type: 'quantitative', title: 'minutes from the start' },
      y: { field: 'done', type: 'quantitative', title: 'answers finished' },
      color: { field: 'status', type: 'nominal', scale: statusScale, title: null },
      tooltip: [{ field: 'status' }, { field: 'minutes' }, { field: 'done' }],
    },
  } as TopLevelSpec;
}
