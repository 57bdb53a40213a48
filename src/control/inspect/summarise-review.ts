import type { Finding } from '../../evaluators/finding.js';
import type { RewriteRecord, RoundFindings } from '../../store/review-files.js';

/** One flagged section's rewrite, for `quire inspect`. */
export interface RewriteSummary {
  sectionId: string;
  /** The section's position in the plan, 0-based. */
  index: number;
  kept: boolean;
  findingsBefore: number;
  findingsAfter: number;
}

/** One review round, for `quire inspect`. */
export interface ReviewRoundSummary {
  round: number;
  /** Reviewer calls the round took. */
  calls: number;
  findings: number;
  /** Findings per rule id. */
  byRule: Record<string, number>;
  /** Findings per section id; `document` for those that point at no section. */
  bySection: Record<string, number>;
  rewrites: RewriteSummary[];
}

/** What a run's review files hold: a round's findings and the outcomes of its rewrites. */
export interface StoredReviewRound {
  findings: RoundFindings;
  rewrites: RewriteRecord[];
}

/** Counts each review round's findings by rule and by section, and its rewrites' outcomes. Pure. */
export function summariseReview({ rounds }: { rounds: StoredReviewRound[] }): ReviewRoundSummary[] {
  return rounds.map(({ findings, rewrites }) => ({
    round: findings.round,
    calls: findings.calls,
    findings: findings.findings.length,
    byRule: countFindings(findings.findings, (finding) => finding.ruleId),
    bySection: countFindings(
      findings.findings,
      (finding) => finding.location?.section ?? 'document',
    ),
    rewrites: rewrites.map((rewrite) => ({
      sectionId: rewrite.sectionId,
      index: rewrite.index,
      kept: rewrite.kept,
      findingsBefore: rewrite.findingsBefore.length,
      findingsAfter: rewrite.findingsAfter.length,
    })),
  }));
}

/** How many findings share each key. Pure. */
export function countFindings(
  findings: readonly Finding[],
  key: (finding: Finding) => string,
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const finding of findings) counts[key(finding)] = (counts[key(finding)] ?? 0) + 1;
  return counts;
}
