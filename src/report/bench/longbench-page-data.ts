import type { LongbenchResult } from '../../bench/longbench/longbench-result-schema.js';
import {
  type LongbenchSummary,
  summariseLongbench,
} from '../../bench/longbench/summarise-longbench.js';
import type { GroupScore } from './group-score-chart.js';
import { groupScores } from './group-scores.js';
import type { ScatterPoint } from './length-scatter-chart.js';
import type { BenchFolder } from './read-bench-folder.js';

/** The data of a LongBench-Write page, for one folder or two (two modes). */
export interface LongbenchPageData {
  summaries: Array<{
    mode: string;
    model: string;
    judge: string | null;
    summary: LongbenchSummary;
  }>;
  buckets: GroupScore[];
  points: ScatterPoint[];
  /** The lowest-scoring items of every folder, worst first. */
  worst: Array<{ result: LongbenchResult; folder: string }>;
  judged: boolean;
}

/**
 * S_l (and S_q when judged) by length bucket for each folder's mode, every item's required and
 * produced length, and the worst items (lowest S, else lowest S_l). Summaries come from
 * `summariseLongbench`, as the bench command's own table does. Pure.
 */
export function longbenchPageData({
  folders,
  worstCount = 10,
}: {
  folders: ReadonlyArray<BenchFolder<LongbenchResult>>;
  worstCount?: number;
}): LongbenchPageData {
  const summaries = folders.map((folder) => ({
    mode: folder.manifest.mode,
    model: folder.manifest.model,
    judge: folder.manifest.judge,
    summary: summariseLongbench({ results: folder.results }),
  }));
  const judged = summaries.some(({ summary }) => summary.overall.judged > 0);
  const buckets = summaries.flatMap(({ mode, summary }) =>
    groupScores({
      mode,
      groups: summary.byBucket,
      measures: [
        { measure: 'S_l', score: (group) => group.lengthScore, items: (group) => group.items },
        { measure: 'S_q', score: (group) => group.qualityScore, items: (group) => group.judged },
      ],
    }),
  );
  const points = folders.flatMap((folder) =>
    folder.results.map((result) => ({
      id: result.id,
      series: result.mode,
      required: result.length,
      produced: result.response_length,
    })),
  );
  const worst = folders
    .flatMap((folder) => folder.results.map((result) => ({ result, folder: folder.directory })))
    .sort(
      (left, right) =>
        (left.result.S ?? left.result.S_l) - (right.result.S ?? right.result.S_l) ||
        left.result.id.localeCompare(right.result.id),
    )
    .slice(0, worstCount);
  return { summaries, buckets, points, worst, judged };
}
