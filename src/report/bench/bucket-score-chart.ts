import type { TopLevelSpec } from 'vega-lite';
import { lengthBuckets } from '../../evaluators/length-bucket.js';
import type { BucketScore } from './longbench-page-data.js';

/**
 * LongBench-Write's scores by length bucket: one bar per mode in each bucket, S_l (and S_q
 * when judged) side by side, so quire mode and direct mode can be read against each other.
 * Pure.
 */
export function bucketScoreChart({ scores }: { scores: readonly BucketScore[] }): TopLevelSpec {
  return {
    description: 'Length score S_l, and quality score S_q when judged, by length bucket and mode.',
    data: {
      values: scores.map((score) => ({ ...score, score: Math.round(score.score * 10) / 10 })),
    },
    width: 240,
    height: 200,
    mark: { type: 'bar' },
    encoding: {
      column: { field: 'measure', type: 'nominal', title: null },
      x: { field: 'bucket', type: 'nominal', sort: [...lengthBuckets], title: 'required length' },
      xOffset: { field: 'mode', type: 'nominal' },
      y: { field: 'score', type: 'quantitative', scale: { domain: [0, 100] }, title: 'score' },
      color: {
        field: 'mode',
        type: 'nominal',
        scale: { domain: ['quire', 'direct'] },
        title: 'mode',
      },
      tooltip: [
        { field: 'measure' },
        { field: 'bucket' },
        { field: 'mode' },
        { field: 'score', type: 'quantitative' },
        { field: 'items', type: 'quantitative' },
      ],
    },
  } as TopLevelSpec;
}
