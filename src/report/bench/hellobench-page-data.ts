import type { HellobenchResult } from '../../bench/hellobench/hellobench-result-schema.js';
import {
  type HellobenchSummary,
  summariseHellobench,
} from '../../bench/hellobench/summarise-hellobench.js';
import type { GroupScore } from './group-score-chart.js';
import { groupScores } from './group-scores.js';
import type { ScatterPoint } from './length-scatter-chart.js';
import type { BenchFolder } from './read-bench-folder.js';

const lengthOrder = ['2k', '4k', '8k', '16k'];

/** The data of a HelloBench page, for one folder or two (two modes). */
export interface HellobenchPageData {
  summaries: Array<{ mode: string; model: string; summary: HellobenchSummary }>;
  /** The groups (lengths or task types) in reading order. */
  groups: string[];
  scores: GroupScore[];
  points: ScatterPoint[];
}

/**
 * S_l and HelloEval by length (or task type) for each folder's mode, from
 * `summariseHellobench` as the bench command's table, and every answer's stated and produced
 * length. Pure.
 */
export function hellobenchPageData({
  folders,
}: {
  folders: ReadonlyArray<BenchFolder<HellobenchResult>>;
}): HellobenchPageData {
  const found = [
    ...new Set(folders.flatMap((folder) => folder.results.map((result) => result.group))),
  ];
  const groups = [
    ...lengthOrder.filter((group) => found.includes(group)),
    ...found.filter((group) => !lengthOrder.includes(group)).sort(),
  ];
  const summaries = folders.map((folder) => ({
    mode: folder.manifest.mode,
    model: folder.manifest.model,
    summary: summariseHellobench({ results: folder.results, groups }),
  }));
  const scores = summaries.flatMap(({ mode, summary }) =>
    groupScores({
      mode,
      groups: summary.byGroup,
      measures: [
        { measure: 'S_l', score: (group) => group.lengthScore, items: (group) => group.targeted },
        { measure: 'HelloEval', score: (group) => group.helloEval, items: (group) => group.judged },
      ],
    }),
  );
  const points = folders.flatMap((folder) =>
    folder.results.flatMap((result) =>
      result.required === null
        ? []
        : [
            {
              id: result.id,
              series: result.mode,
              required: result.required,
              produced: result.response_length,
            },
          ],
    ),
  );
  return { summaries, groups, scores, points };
}
