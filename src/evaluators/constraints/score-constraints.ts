import { type ConstraintType, constraintTypes } from './constraint-file-schema.js';
import type { CheckDecision } from './decide-checks.js';

/** Scores of a group of checks. Ratios are null when their denominator is 0. */
export interface CheckGroupScore {
  checks: number;
  /** Checks whose segment exists. */
  present: number;
  /** Checks decided yes. */
  satisfied: number;
  /** satisfied / present. */
  stic1: number | null;
  /** satisfied / checks. */
  stic2: number | null;
}

/** Scores of the checks whose segments fall in one tenth of the document. */
export interface DecileScore extends CheckGroupScore {
  /** 1 for the first tenth of the segments, 10 for the last. */
  decile: number;
  /** The segment numbers the decile spans. */
  from: number;
  to: number;
}

/** SGT's metrics and the breakdowns quire adds. */
export interface ConstraintScores extends CheckGroupScore {
  /** Completion rate: share of the required segments 1..N present. */
  cr: number;
  /** CR × STIC-2. */
  wAvg: number | null;
  /** Checks left undecided (no judge, or its answers unusable): counted as not satisfied. */
  undecided: number;
  byType: Record<ConstraintType, CheckGroupScore>;
  byDecile: DecileScore[];
}

/**
 * Computes SGT's metrics from decided checks: CR = present required segments / N; STIC-1 =
 * satisfied / checks whose segment exists; STIC-2 = satisfied / all checks; wAvg = CR × STIC-2;
 * plus the same per constraint type and per tenth of the segments (checks beyond N are in the
 * totals, not in a decile). Pure.
 */
export function scoreConstraints({
  decisions,
  segmentCount,
  presentSegments,
}: {
  decisions: readonly CheckDecision[];
  /** N. */
  segmentCount: number;
  /** Numbers of the segments found, within 1..N. */
  presentSegments: readonly number[];
}): ConstraintScores {
  const overall = groupScore(decisions);
  const cr =
    new Set(presentSegments.filter((number) => number >= 1 && number <= segmentCount)).size /
    segmentCount;
  const byType = Object.fromEntries(
    constraintTypes.map((type) => [
      type,
      groupScore(decisions.filter((decision) => decision.type === type)),
    ]),
  ) as Record<ConstraintType, CheckGroupScore>;
  return {
    ...overall,
    cr,
    wAvg: overall.stic2 === null ? null : cr * overall.stic2,
    undecided: decisions.filter((decision) => decision.decision === 'undecided').length,
    byType,
    byDecile: decileScores({ decisions, segmentCount }),
  };
}

function decileScores({
  decisions,
  segmentCount,
}: {
  decisions: readonly CheckDecision[];
  segmentCount: number;
}): DecileScore[] {
  const decileOf = (segment: number) => Math.floor(((segment - 1) * 10) / segmentCount);
  const spans = new Map<number, { from: number; to: number }>();
  for (let segment = 1; segment <= segmentCount; segment++) {
    const decile = decileOf(segment);
    const span = spans.get(decile);
    if (span) span.to = segment;
    else spans.set(decile, { from: segment, to: segment });
  }
  return [...spans.entries()].map(([decile, span]) => ({
    decile: decile + 1,
    ...span,
    ...groupScore(
      decisions.filter((decision) => decision.segment >= span.from && decision.segment <= span.to),
    ),
  }));
}

function groupScore(decisions: readonly CheckDecision[]): CheckGroupScore {
  const present = decisions.filter((decision) => decision.present).length;
  const satisfied = decisions.filter((decision) => decision.decision === 'yes').length;
  return {
    checks: decisions.length,
    present,
    satisfied,
    stic1: present === 0 ? null : satisfied / present,
    stic2: decisions.length === 0 ? null : satisfied / decisions.length,
  };
}
