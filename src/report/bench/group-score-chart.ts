import type { TopLevelSpec } from 'vega-lite';

/** A score of one group (a length bucket, a length, a task type) in one mode. */
export interface GroupScore {
  group: string;
  mode: string;
  /** What is scored: `S_l`, `S_q`, `HelloEval`. */
  measure: string;
  score: number;
  items: number;
}

/**
 * A benchmark's scores by group: one bar per mode in each group, one panel per measure, so
 * quire mode and direct mode can be read against each other. Pure.
 */
export function groupScoreChart({
  scores,
  groups,
  groupTitle,
}: {
  scores: readonly GroupScore[];
  /** The groups in reading order. */
  groups: readonly string[];
  groupTitle: string;
}): TopLevelSpec {
  return {
    description: `Scores by ${groupTitle} and mode.`,
    data: {
      values: scores.map((score) => ({ ...score, score: Math.round(score.score * 10) / 10 })),
    },
    width: 240,
    height: 200,
    mark: { type: 'bar' },
    encoding: {
      column: { field: 'measure', type: 'nominal', title: null },
      x: { field: 'group', type: 'nominal', sort: [...groups], title: groupTitle },
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
        { field: 'group', title: groupTitle },
        { field: 'mode' },
        { field: 'score', type: 'quantitative' },
        { field: 'items', type: 'quantitative' },
      ],
    },
  } as TopLevelSpec;
}
