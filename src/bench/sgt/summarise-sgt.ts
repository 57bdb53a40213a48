import {
  type ConstraintType,
  constraintTypes,
} from '../../evaluators/constraints/constraint-file-schema.js';
import type { SgtResult } from './sgt-result-schema.js';

/** STIC of one constraint type within a group. Ratios are 0–1, null when undefined. */
export interface SgtTypeScore {
  checks: number;
  present: number;
  satisfied: number;
  stic1: number | null;
  stic2: number | null;
}

/** SGT's metrics over a group of tasks (a scenario, or all), pooled over their checks. */
export interface SgtGroupScore {
  /** The scenario, or `overall`. */
  group: string;
  tasks: number;
  checks: number;
  /** Mean of the tasks' CR (found ∩ 1..N / N), each task weighing the same, as SGT averages it. */
  cr: number | null;
  /** Σ satisfied / Σ checks whose segment exists. */
  stic1: number | null;
  /** Σ satisfied / Σ checks. */
  stic2: number | null;
  /** CR × STIC-2. */
  wAvg: number | null;
  /** Σ checks inconclusive by wording and not judged: counted as not satisfied. */
  undecided: number;
  /** Σ checks decided by verdicts stored with predicted answers. */
  stored: number;
  /** Σ checks settled by quire's judge. */
  judged: number;
  /** Σ leaked / Σ (event, segment not asking for it) pairs. */
  leakage: number | null;
  byType: Record<ConstraintType, SgtTypeScore>;
}

/** The SGT table: per scenario and overall, each with its per-type breakdown. */
export interface SgtSummary {
  /** How segment headers were read in these results (`mixed` if they disagree). */
  headers: 'sgt' | 'lenient' | 'mixed';
  overall: SgtGroupScore;
  byScenario: SgtGroupScore[];
}

/**
 * Aggregates task results per scenario and overall as SGT does: CR is the mean of the tasks'
 * CR (a 52-week task weighs as much as a 100-floor one), while the STIC ratios pool the checks
 * of every task before dividing, so a task with many checks weighs more than one with few.
 * Pure.
 */
export function summariseSgt({ results }: { results: readonly SgtResult[] }): SgtSummary {
  const scenarios = [...new Set(results.map((result) => result.scenario))];
  const rules = [...new Set(results.map((result) => result.headers))];
  return {
    headers: rules.length > 1 ? 'mixed' : (rules[0] ?? 'sgt'),
    overall: groupScore({ group: 'overall', results }),
    byScenario: scenarios.map((scenario) =>
      groupScore({
        group: scenario,
        results: results.filter((result) => result.scenario === scenario),
      }),
    ),
  };
}

function groupScore({
  group,
  results,
}: {
  group: string;
  results: readonly SgtResult[];
}): SgtGroupScore {
  const sum = (pick: (result: SgtResult) => number) =>
    results.reduce((total, result) => total + pick(result), 0);
  const ratio = (numerator: number, denominator: number) =>
    denominator === 0 ? null : numerator / denominator;
  const checks = sum((result) => result.checks.total);
  const satisfied = sum((result) => result.checks.satisfied);
  const cr = ratio(
    sum((result) => result.cr),
    results.length,
  );
  const stic2 = ratio(satisfied, checks);
  const byType = Object.fromEntries(
    constraintTypes.map((type) => {
      const typeChecks = sum((result) => result.byType[type].checks);
      const present = sum((result) => result.byType[type].present);
      const typeSatisfied = sum((result) => result.byType[type].satisfied);
      return [
        type,
        {
          checks: typeChecks,
          present,
          satisfied: typeSatisfied,
          stic1: ratio(typeSatisfied, present),
          stic2: ratio(typeSatisfied, typeChecks),
        },
      ];
    }),
  ) as Record<ConstraintType, SgtTypeScore>;
  return {
    group,
    tasks: results.length,
    checks,
    cr,
    stic1: ratio(
      satisfied,
      sum((result) => result.checks.present),
    ),
    stic2,
    wAvg: cr === null || stic2 === null ? null : cr * stic2,
    undecided: sum((result) => result.checks.undecided),
    stored: sum((result) => result.checks.stored),
    judged: sum((result) => result.checks.judged),
    leakage: ratio(
      sum((result) => result.leakage.leaked),
      sum((result) => result.leakage.pairs),
    ),
    byType,
  };
}
