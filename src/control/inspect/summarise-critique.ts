import { diffPlans, type PlanDiffSummary } from '../../planner/critique/diff-plans.js';
import type { Plan } from '../../planner/plan-schema.js';
import type { CritiqueRound } from '../../store/critique-files.js';
import { countFindings } from './summarise-review.js';

/** One plan critique round, for `quire inspect`. */
export interface CritiqueRoundSummary {
  round: number;
  /** Model calls of the round. */
  calls: number;
  findings: number;
  /** Findings per rule id. */
  byRule: Record<string, number>;
  /** Findings per section id; `plan` for those that name no section. */
  bySection: Record<string, number>;
  kept: boolean;
  reason: string;
  /** Findings in the revised plan, when there was one. */
  findingsAfter?: number;
  /** What the revision changed, when there was one. */
  diff?: PlanDiffSummary;
}

/**
 * Each critique round's findings by rule and by section, whether its revision was kept and why,
 * and what the revision changed (diffed against the plan the round began with: the draft, or
 * the last revision kept). Pure.
 */
export function summariseCritique({
  draft,
  rounds,
}: {
  draft: Plan;
  rounds: readonly CritiqueRound[];
}): CritiqueRoundSummary[] {
  let plan = draft;
  return rounds.map((round) => {
    const summary: CritiqueRoundSummary = {
      round: round.round,
      calls: round.calls,
      findings: round.findings.length,
      byRule: countFindings(round.findings, (finding) => finding.ruleId),
      bySection: countFindings(round.findings, (finding) => finding.location?.section ?? 'plan'),
      kept: round.kept,
      reason: round.reason,
      ...(round.findingsAfter ? { findingsAfter: round.findingsAfter.length } : {}),
      ...(round.revised ? { diff: diffPlans({ before: plan, after: round.revised }).summary } : {}),
    };
    if (round.kept && round.revised) plan = round.revised;
    return summary;
  });
}
