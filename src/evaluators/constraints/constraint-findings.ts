import type { Finding, FindingLocation } from '../finding.js';
import { formatNumberRanges } from '../format-number-ranges.js';
import type { ConstraintResult } from './constraint-result-schema.js';
import type { SegmentProblem } from './segment-document.js';

/** Findings of one rule listed one by one before they are summed up in a single finding. */
const listedPerRule = 10;

/** Turns constraint results into findings with segment numbers and lines. Pure. */
export function constraintFindings({
  result,
  problems,
  locate,
  startOf,
}: {
  result: ConstraintResult;
  problems: readonly SegmentProblem[];
  locate: (offset: number) => FindingLocation;
  /** Offset of each present segment. */
  startOf: ReadonlyMap<number, number>;
}): Finding[] {
  const unit = result.unit ?? 'Segment';
  const findings: Finding[] = [];
  const add = (
    ruleId: string,
    severity: Finding['severity'],
    message: string,
    location?: FindingLocation,
  ) =>
    findings.push({
      evaluator: 'constraints',
      ruleId: `constraints/${ruleId}`,
      severity,
      message,
      ...(location ? { location } : {}),
    });
  const at = (segment: number): FindingLocation | undefined => {
    const offset = startOf.get(segment);
    return offset === undefined ? { segment } : { ...locate(offset), segment };
  };
  const listed = <T>(
    ruleId: string,
    severity: Finding['severity'],
    items: readonly T[],
    each: (item: T) => [string, FindingLocation | undefined],
    rest: (count: number) => string,
  ) => {
    for (const item of items.slice(0, listedPerRule)) add(ruleId, severity, ...each(item));
    if (items.length > listedPerRule) add(ruleId, severity, rest(items.length - listedPerRule));
  };

  if (result.headers === 'lenient') {
    add(
      'lenient-headers',
      'info',
      `Segment headers were read leniently (any spacing and case), not by SGT's rule ("${unit} <n>", one space, case as given): CR is not comparable with SGT's published scores.`,
    );
  }
  const { missing, required } = result.segments;
  if (missing.length > 0) {
    add(
      'missing-segments',
      'error',
      `${missing.length} of ${required} ${unit} segments are missing: ${formatNumberRanges({ numbers: missing })}.`,
    );
  }
  listed(
    'duplicate-segment',
    'warning',
    problems.filter((problem) => problem.kind === 'duplicate'),
    (problem) => [
      `${unit} ${problem.number} appears again; the first one was used.`,
      { ...locate(problem.offset), segment: problem.number },
    ],
    (count) => `${count} more duplicate segments.`,
  );
  listed(
    'segment-out-of-range',
    'warning',
    problems.filter((problem) => problem.kind === 'outOfRange'),
    (problem) => [
      `${unit} ${problem.number} is outside 1–${required} and was not used.`,
      { ...locate(problem.offset), segment: problem.number },
    ],
    (count) => `${count} more segments outside 1–${required}.`,
  );
  const unnumbered = problems.filter((problem) => problem.kind === 'unnumbered');
  if (unnumbered.length > 0) {
    add(
      'unnumbered-segment',
      'warning',
      `${unnumbered.length} separated piece(s) have no "${unit} <number>" header and were not used.`,
      locate(unnumbered[0]?.offset ?? 0),
    );
  }

  const beyond = result.results.filter((check) => check.segment > required);
  listed(
    'check-beyond-segments',
    'warning',
    beyond,
    (check) => [
      `Constraint ${check.constraint + 1} asks for "${check.event}" in ${unit} ${check.segment}, beyond the ${required} segments required; it cannot be satisfied.`,
      undefined,
    ],
    (count) => `${count} more checks ask for segments beyond ${required}.`,
  );
  const failed = result.results.filter(
    (check) => check.decision === 'no' && check.decidedBy !== 'missingSegment',
  );
  listed(
    'event-missing',
    'warning',
    failed,
    (check) => [
      `${unit} ${check.segment} does not contain "${check.event}" (${check.type} constraint ${check.constraint + 1}).`,
      at(check.segment),
    ],
    (count) => `${count} more checks failed; see "results" in the report.`,
  );

  const noJudge = result.results.filter((check) => check.decidedBy === 'noJudge').length;
  if (noJudge > 0) {
    add(
      'undecided',
      'info',
      `${noJudge} check(s) were inconclusive by wording alone and count as not satisfied, so STIC is a lower bound; pass --judge <model> to settle them.`,
    );
  }
  const dropped = result.results.filter((check) => check.decidedBy === 'judgeDropped').length;
  if (dropped > 0) {
    add(
      'judge-dropped',
      'warning',
      `The judge gave no usable answer for ${dropped} check(s) even after retries; they count as not satisfied.`,
    );
  }
  listed(
    'leakage',
    'info',
    result.leakage.cases,
    (leak) => [
      `"${leak.event}" appears in ${unit} ${leak.segment}, which did not ask for it.`,
      at(leak.segment),
    ],
    (count) => `${count} more events appear where they were not asked for.`,
  );
  const minimum = result.minWords.required;
  listed(
    'segment-too-short',
    'warning',
    result.minWords.below,
    (short) => [
      `${unit} ${short.segment} has ${short.words} words, under the minimum of ${minimum}.`,
      at(short.segment),
    ],
    (count) => `${count} more segments are under ${minimum} words.`,
  );
  return findings;
}
