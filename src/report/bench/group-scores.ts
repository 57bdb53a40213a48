import type { GroupScore } from './group-score-chart.js';

/** How one measure is read from a group of a benchmark's summary. */
export interface MeasureReader<Group> {
  measure: string;
  /** The score, 0–100; null when the group has none (nothing judged, nothing targeted). */
  score: (group: Group) => number | null;
  /** How many items the score stands on. */
  items: (group: Group) => number;
}

/**
 * The scores of one mode's groups for `groupScoreChart`: one per group and measure that has a
 * value, groups in the summary's order, measures in the order given. Pure.
 */
export function groupScores<Group extends { group: string }>({
  mode,
  groups,
  measures,
}: {
  mode: string;
  groups: readonly Group[];
  measures: ReadonlyArray<MeasureReader<Group>>;
}): GroupScore[] {
  return groups.flatMap((group) =>
    measures.flatMap(({ measure, score, items }) => {
      const value = score(group);
      return value === null
        ? []
        : [{ group: group.group, mode, measure, score: value, items: items(group) }];
    }),
  );
}
