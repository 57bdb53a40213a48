import type { Finding } from '../finding.js';
import type { Judge } from '../judge.js';
import { createTextLocator, type TextLocator } from '../text-locator.js';
import type { ConstraintFile } from './constraint-file-schema.js';
import { constraintFindings } from './constraint-findings.js';
import { constraintLeakage } from './constraint-leakage.js';
import type { ConstraintResult } from './constraint-result-schema.js';
import { type CheckedSegment, decideChecks, type StoredVerdicts } from './decide-checks.js';
import { indexText } from './event-matcher.js';
import { expandConstraints } from './expand-constraints.js';
import { scoreConstraints } from './score-constraints.js';
import { segmentDocument } from './segment-document.js';
import type { SegmentHeaderRule } from './segment-header-rule.js';

/**
 * Checks a document against a constraints file, SGT style: segments it, expands the
 * constraints to checks, decides each (lexically, then by the judge where that is
 * inconclusive), and scores CR, STIC-1, STIC-2 and wAvg, per type and per tenth of the
 * document, with leakage and per-segment minimum length. Headers are read by SGT's own rule
 * unless `headers` is `lenient`. Returns the result, findings, and the judge calls made.
 */
export async function evaluateConstraints({
  text,
  constraints,
  judge,
  verdicts,
  headers = 'sgt',
  locator = createTextLocator({ text }),
}: {
  text: string;
  constraints: ConstraintFile;
  judge?: Judge;
  /** Verdicts that came with the answer (SGT's judge), used before quire's own tests. */
  verdicts?: StoredVerdicts;
  headers?: SegmentHeaderRule;
  locator?: TextLocator;
}): Promise<{
  constraints: ConstraintResult;
  findings: Finding[];
  judgeCalls: number;
  dropped: number;
}> {
  const { unit, separator, segments: segmentCount, minWords } = constraints;
  const { segments, problems } = segmentDocument({
    text,
    unit,
    separator,
    segments: segmentCount,
    headers,
  });
  const checked = new Map<number, CheckedSegment>(
    segments.map((segment) => [
      segment.number,
      { text: segment.text, index: indexText(segment.text) },
    ]),
  );
  const checks = expandConstraints(constraints);
  const { decisions, judgeCalls, dropped } = await decideChecks({
    checks,
    segments: checked,
    unit: unit ?? 'Segment',
    judge,
    verdicts,
  });
  const scores = scoreConstraints({
    decisions,
    segmentCount,
    presentSegments: segments.map((segment) => segment.number),
  });
  const found = new Set(segments.map((segment) => segment.number));
  const below =
    minWords === undefined ? [] : segments.filter((segment) => segment.words < minWords);

  const result: ConstraintResult = {
    unit: unit ?? null,
    separator: separator ?? null,
    headers,
    segments: {
      required: segmentCount,
      found: found.size,
      missing: Array.from({ length: segmentCount }, (_, index) => index + 1).filter(
        (number) => !found.has(number),
      ),
      duplicates: problems.flatMap((problem) =>
        problem.kind === 'duplicate' && problem.number !== undefined ? [problem.number] : [],
      ),
      outOfRange: problems.flatMap((problem) =>
        problem.kind === 'outOfRange' && problem.number !== undefined ? [problem.number] : [],
      ),
      unnumbered: problems.filter((problem) => problem.kind === 'unnumbered').length,
    },
    cr: scores.cr,
    stic1: scores.stic1,
    stic2: scores.stic2,
    wAvg: scores.wAvg,
    checks: {
      total: scores.checks,
      present: scores.present,
      satisfied: scores.satisfied,
      undecided: scores.undecided,
      judged: decisions.filter((decision) => decision.decidedBy === 'judge').length,
    },
    byType: scores.byType,
    byDecile: scores.byDecile,
    leakage: constraintLeakage({ checks, segments: checked }),
    minWords: {
      required: minWords ?? null,
      below: below.map((segment) => ({ segment: segment.number, words: segment.words })),
      share:
        minWords === undefined || segments.length === 0 ? null : 1 - below.length / segments.length,
    },
    results: decisions.map(({ constraint, type, segment, event, decision, decidedBy }) => ({
      constraint,
      type,
      segment,
      event,
      decision,
      decidedBy,
    })),
  };
  const startOf = new Map(segments.map((segment) => [segment.number, segment.start]));
  return {
    constraints: result,
    findings: constraintFindings({
      result,
      problems,
      locate: (offset) => locator.locate(offset),
      startOf,
    }),
    judgeCalls,
    dropped,
  };
}
