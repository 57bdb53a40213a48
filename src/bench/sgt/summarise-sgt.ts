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
  /** Σ segments found / Σ segments required. */
  cr: number | null;
  /** Σ satisfied / Σ checks whose segment exists. */
  stic1: number | null;
  /** Σ satisfied / Σ checks. */
  stic2: number | null;
  /** CR × STIC-2. */
  wAvg: number | null;
  /** Σ leaked / Σ (event, segment not asking for it) pairs. */
  leakage: number | null;
  byType: Record<ConstraintType, SgtTypeScore>;
}

/** The SGT table: per scenario and overall, each with its per-type breakdown. */
export interface SgtSummary {
  overall: SgtGroupScore;
  byScenario: SgtGroupScore[];
}

/**
 * Aggregates task results per scenario and overall. Counts are pooled before dividing (as SGT
 * pools its checks), so a task with many checks weighs more than one with few. Pure.
 */
export function summariseSgt({ results }: { results: readonly SgtResult[] }): SgtSummary {
  const scenarios = [...new Set(results.map((result) => result.scenario))];
  return {
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
    sum((result) => result.segments.found),
    sum((result) => result.segments.required),
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
    leakage: ratio(
      sum((result) => result.leakage.leaked),
      sum((result) => result.leakage.pairs),
    ),
    byType,
  };
}
