import type { SgtResult } from '../../bench/sgt/sgt-result-schema.js';
import {
  type SgtGroupScore,
  type SgtSummary,
  summariseSgt,
} from '../../bench/sgt/summarise-sgt.js';
import type { GroupScore } from './group-score-chart.js';
import { groupScores, type MeasureReader } from './group-scores.js';
import type { BenchFolder } from './read-bench-folder.js';

/** One cell of a task's grid: a constraint's check in one segment. */
export interface GridCell {
  /** `#<n> <type>: <event>`, the grid's row. */
  constraint: string;
  segment: number;
  decision: 'hit' | 'miss' | 'undecided';
}

/** A task's grid of segments × constraints. */
export interface TaskGrid {
  result: SgtResult;
  cells: GridCell[];
}

/** The data of an SGT page, for one folder or two (two modes). */
export interface SgtPageData {
  summaries: Array<{ mode: string; model: string; summary: SgtSummary }>;
  /** CR, STIC-1, STIC-2 and wAvg (the measures) of each scenario (the groups), 0–100. */
  scores: GroupScore[];
  /** The grids of the worst tasks (lowest wAvg), worst first. */
  grids: TaskGrid[];
  /** Tasks whose results carry no per-check decisions (written by an older quire). */
  withoutChecks: number;
  tasks: SgtResult[];
}

/**
 * CR, STIC-1, STIC-2 and wAvg by scenario for each folder's mode (from `summariseSgt`, as the
 * bench command's table), and for the worst tasks a grid of segments × constraints showing
 * each check as hit, miss or undecided. Pure.
 */
export function sgtPageData({
  folders,
  gridCount = 6,
}: {
  folders: ReadonlyArray<BenchFolder<SgtResult>>;
  gridCount?: number;
}): SgtPageData {
  const summaries = folders.map((folder) => ({
    mode: folder.manifest.mode,
    model: folder.manifest.model,
    summary: summariseSgt({ results: folder.results }),
  }));
  const scores = summaries.flatMap(({ mode, summary }) =>
    groupScores({ mode, groups: summary.byScenario, measures: sgtMeasures }),
  );
  const tasks = folders.flatMap((folder) => folder.results);
  const grids = tasks
    .filter((result) => result.checkResults !== undefined)
    .sort((left, right) => (left.wAvg ?? 0) - (right.wAvg ?? 0) || left.id.localeCompare(right.id))
    .slice(0, gridCount)
    .map((result) => ({
      result,
      cells: (result.checkResults ?? []).map((check) => ({
        constraint: `#${check.constraint + 1} ${check.type}: ${check.event}`,
        segment: check.segment,
        decision:
          check.decision === 'yes'
            ? ('hit' as const)
            : check.decision === 'no'
              ? ('miss' as const)
              : ('undecided' as const),
      })),
    }));
  return {
    summaries,
    scores,
    grids,
    withoutChecks: tasks.filter((result) => result.checkResults === undefined).length,
    tasks,
  };
}

const percent = (value: number | null) => (value === null ? null : value * 100);
const tasks = (group: SgtGroupScore) => group.tasks;

/** SGT's measures of a scenario, in percent. */
const sgtMeasures: Array<MeasureReader<SgtGroupScore>> = [
  { measure: 'CR', score: (group) => percent(group.cr), items: tasks },
  { measure: 'STIC-1', score: (group) => percent(group.stic1), items: tasks },
  { measure: 'STIC-2', score: (group) => percent(group.stic2), items: tasks },
  { measure: 'wAvg', score: (group) => percent(group.wAvg), items: tasks },
];
