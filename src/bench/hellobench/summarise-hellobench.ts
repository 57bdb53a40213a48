import { meanOrNull } from '../mean-or-null.js';
import type { ChecklistWeighting } from './checklist-weights.js';
import { paperScale } from './hello-eval-score.js';
import type { HellobenchResult } from './hellobench-result-schema.js';

/** Scores of a group of answers (a length, a task type, a category, or all). */
export interface HellobenchGroupScore {
  /** The length, task type or category; `overall` for every answer. */
  group: string;
  items: number;
  /** Answers whose instruction states a length: the ones S_l and the gate apply to. */
  targeted: number;
  /** Mean stated and produced length (words), to read S_l with. */
  meanRequired: number | null;
  meanProduced: number | null;
  /** Mean S_l over the targeted answers; null when none. */
  lengthScore: number | null;
  /** Targeted answers within the length gate. */
  withinGate: number;
  /** Answers with a HelloEval score, and judgements dropped. */
  judged: number;
  dropped: number;
  /** Mean HelloEval score (0–100) over the judged answers; null when none. */
  helloEval: number | null;
  /** The same on the paper's scale, (score − 75) × 4, to compare with its tables. */
  helloEvalPaperScale: number | null;
  /** The weights behind `helloEval`: one kind for all, `mixed`, or null when nothing was judged. */
  weighting: ChecklistWeighting | 'mixed' | null;
}

/** The HelloBench tables: overall, by length or task type, and by category. */
export interface HellobenchSummary {
  overall: HellobenchGroupScore;
  /** One row per group asked for, in order, empty ones included. */
  byGroup: HellobenchGroupScore[];
  byCategory: HellobenchGroupScore[];
  /** Categories judged with equal weights, because no published weights fit them. */
  equalWeightCategories: string[];
}

/**
 * Aggregates results as HelloBench reports them: per group the mean HelloEval score over the
 * judged answers (HelloBench's own aggregation, before its rescaling), and, for length, the
 * mean S_l and the count within the length gate over the answers whose instruction states a
 * length. Pure.
 */
export function summariseHellobench({
  results,
  groups,
}: {
  results: readonly HellobenchResult[];
  /** The lengths or task types asked for, in order. */
  groups: readonly string[];
}): HellobenchSummary {
  const categories = [...new Set(results.map((result) => result.category))].sort();
  const equalWeightCategories = categories.filter((category) =>
    results.some(
      (result) => result.category === category && result.helloEval?.weighting === 'equal',
    ),
  );
  return {
    overall: groupScore({ group: 'overall', results }),
    byGroup: groups.map((group) =>
      groupScore({ group, results: results.filter((result) => result.group === group) }),
    ),
    byCategory: categories.map((category) =>
      groupScore({
        group: category,
        results: results.filter((result) => result.category === category),
      }),
    ),
    equalWeightCategories,
  };
}

function groupScore({
  group,
  results,
}: {
  group: string;
  results: readonly HellobenchResult[];
}): HellobenchGroupScore {
  const targeted = results.filter((result) => result.required !== null);
  const judged = results.flatMap((result) =>
    result.helloEval?.score != null ? [result.helloEval] : [],
  );
  const helloEval = meanOrNull(judged.map((judgement) => judgement.score ?? 0));
  const weightings = new Set(judged.map((judgement) => judgement.weighting));
  return {
    group,
    items: results.length,
    targeted: targeted.length,
    meanRequired: meanOrNull(targeted.map((result) => result.required ?? 0)),
    meanProduced: meanOrNull(results.map((result) => result.response_length)),
    lengthScore: meanOrNull(targeted.map((result) => result.S_l ?? 0)),
    withinGate: targeted.filter((result) => result.lengthGate === 'within').length,
    judged: judged.length,
    dropped: results.filter((result) => result.helloEval?.status === 'dropped').length,
    helloEval,
    helloEvalPaperScale: helloEval === null ? null : paperScale(helloEval),
    weighting: weightings.size === 0 ? null : weightings.size > 1 ? 'mixed' : [...weightings][0]!,
  };
}
