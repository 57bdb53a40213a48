import { describe, expect, it } from 'vitest';
import { constraintFindings } from '../../../src/evaluators/constraints/constraint-findings.js';
import type { ConstraintResult } from '../../../src/evaluators/constraints/constraint-result-schema.js';
import type { SegmentProblem } from '../../../src/evaluators/constraints/segment-document.js';
import type { Finding } from '../../../src/evaluators/finding.js';

type Check = ConstraintResult['results'][number];

const group = { checks: 0, present: 0, satisfied: 0, stic1: null, stic2: null };

/** A clean result for `required` segments, all present and no checks; override what a test needs. */
function createResult(overrides: Partial<ConstraintResult> = {}): ConstraintResult {
  const required = overrides.segments?.required ?? 10;
  return {
    unit: 'Week',
    separator: '#*#',
    headers: 'sgt',
    segments: {
      required,
      found: required,
      missing: [],
      duplicates: [],
      outOfRange: [],
      unnumbered: 0,
    },
    cr: 1,
    stic1: null,
    stic2: null,
    wAvg: null,
    checks: { total: 0, present: 0, satisfied: 0, undecided: 0, judged: 0 },
    byType: { once: group, range: group, periodic: group },
    byDecile: [],
    leakage: { pairs: 0, leaked: 0, rate: null, cases: [] },
    minWords: { required: null, below: [], share: null },
    results: [],
    ...overrides,
  };
}

function createCheck(overrides: Partial<Check> = {}): Check {
  return {
    constraint: 0,
    type: 'once',
    segment: 1,
    event: 'pottery class',
    decision: 'no',
    decidedBy: 'lexical',
    ...overrides,
  };
}

/** Segment n starts at offset 1000 × n; offset k is located on line k + 1. */
const segmentCount = 30;
const startOf = new Map(
  Array.from({ length: segmentCount }, (_, index) => [index + 1, (index + 1) * 1_000]),
);
const locate = (offset: number) => ({ offset, line: offset + 1 });

const findingsOf = ({
  result = createResult(),
  problems = [],
  starts = startOf,
}: {
  result?: ConstraintResult;
  problems?: SegmentProblem[];
  starts?: ReadonlyMap<number, number>;
}) => constraintFindings({ result, problems, locate, startOf: starts });
const byRule = (findings: Finding[], rule: string) =>
  findings.filter((finding) => finding.ruleId === `constraints/${rule}`);
const numbers = (count: number, from = 1) =>
  Array.from({ length: count }, (_, index) => from + index);

describe('constraintFindings', () => {
  it('finds nothing in a clean result', () => {
    expect(findingsOf({})).toEqual([]);
  });

  it('notes lenient headers as not comparable with SGT', () => {
    expect(findingsOf({ result: createResult({ headers: 'lenient' }) })).toEqual([
      {
        evaluator: 'constraints',
        ruleId: 'constraints/lenient-headers',
        severity: 'info',
        message:
          'Segment headers were read leniently (any spacing and case), not by SGT\'s rule ("Week <n>", one space, case as given): CR is not comparable with SGT\'s published scores.',
      },
    ]);
  });

  it('names segments "Segment" when the result has no unit', () => {
    const result = createResult({
      unit: null,
      segments: { ...createResult().segments, missing: [4], found: 9 },
    });
    expect(findingsOf({ result })[0]?.message).toBe('1 of 10 Segment segments are missing: 4.');
  });

  it('lists duplicates and numbers out of range where they are, ten at most', () => {
    const problems: SegmentProblem[] = [
      ...numbers(11).map(
        (number): SegmentProblem => ({ kind: 'duplicate', number, offset: number * 7 }),
      ),
      { kind: 'outOfRange', number: 12, offset: 50 },
    ];
    const findings = findingsOf({ problems });
    const duplicates = byRule(findings, 'duplicate-segment');
    expect(duplicates).toHaveLength(11);
    expect(duplicates[0]).toEqual({
      evaluator: 'constraints',
      ruleId: 'constraints/duplicate-segment',
      severity: 'warning',
      message: 'Week 1 appears again; the first one was used.',
      location: { offset: 7, line: 8, segment: 1 },
    });
    expect(duplicates[10]).toEqual({
      evaluator: 'constraints',
      ruleId: 'constraints/duplicate-segment',
      severity: 'warning',
      message: '1 more duplicate segments.',
    });
    expect(byRule(findings, 'unnumbered-segment')).toEqual([]);
    expect(byRule(findings, 'segment-out-of-range')).toEqual([
      {
        evaluator: 'constraints',
        ruleId: 'constraints/segment-out-of-range',
        severity: 'warning',
        message: 'Week 12 is outside 1–10 and was not used.',
        location: { offset: 50, line: 51, segment: 12 },
      },
    ]);
  });

  it('sums up numbers out of range past the tenth', () => {
    const problems = numbers(13, 11).map(
      (number): SegmentProblem => ({ kind: 'outOfRange', number, offset: number }),
    );
    const findings = byRule(findingsOf({ problems }), 'segment-out-of-range');
    expect(findings).toHaveLength(11);
    expect(findings[10]?.message).toBe('3 more segments outside 1–10.');
  });

  it('counts unnumbered pieces in one finding at the first of them', () => {
    const problems: SegmentProblem[] = [
      { kind: 'unnumbered', offset: 120 },
      { kind: 'unnumbered', offset: 480 },
    ];
    expect(findingsOf({ problems })).toEqual([
      {
        evaluator: 'constraints',
        ruleId: 'constraints/unnumbered-segment',
        severity: 'warning',
        message: '2 separated piece(s) have no "Week <number>" header and were not used.',
        location: { offset: 120, line: 121 },
      },
    ]);
  });

  it('warns of checks beyond the last segment, without a place', () => {
    const result = createResult({
      results: [
        createCheck({ segment: 10, decision: 'yes' }),
        createCheck({ constraint: 2, segment: 11, decidedBy: 'missingSegment' }),
      ],
    });
    expect(findingsOf({ result })).toEqual([
      {
        evaluator: 'constraints',
        ruleId: 'constraints/check-beyond-segments',
        severity: 'warning',
        message:
          'Constraint 3 asks for "pottery class" in Week 11, beyond the 10 segments required; it cannot be satisfied.',
      },
    ]);
  });

  it('sums up checks beyond the last segment past the tenth', () => {
    const result = createResult({
      results: numbers(12, 11).map((segment) =>
        createCheck({ type: 'periodic', segment, decidedBy: 'missingSegment' }),
      ),
    });
    const findings = byRule(findingsOf({ result }), 'check-beyond-segments');
    expect(findings).toHaveLength(11);
    expect(findings[10]?.message).toBe('2 more checks ask for segments beyond 10.');
  });

  it('reports each failed check at its segment, not those of missing segments', () => {
    const result = createResult({
      segments: { ...createResult().segments, found: 9, missing: [5] },
      results: [
        createCheck({ constraint: 1, type: 'range', segment: 3 }),
        createCheck({ segment: 5, decidedBy: 'missingSegment' }),
        createCheck({ segment: 4, decision: 'undecided', decidedBy: 'noJudge' }),
        createCheck({ segment: 2, decision: 'yes' }),
      ],
    });
    const failed = byRule(findingsOf({ result }), 'event-missing');
    expect(failed).toEqual([
      {
        evaluator: 'constraints',
        ruleId: 'constraints/event-missing',
        severity: 'warning',
        message: 'Week 3 does not contain "pottery class" (range constraint 2).',
        location: { offset: 3_000, line: 3_001, segment: 3 },
      },
    ]);
  });

  it('places a check by its segment number alone when the segment has no start', () => {
    const result = createResult({ results: [createCheck({ segment: 6 })] });
    expect(findingsOf({ result, starts: new Map() })[0]?.location).toEqual({ segment: 6 });
  });

  it('sums up failed checks past the tenth', () => {
    const result = createResult({
      segments: { ...createResult().segments, required: 30, found: 30 },
      results: numbers(14).map((segment) => createCheck({ segment })),
    });
    const failed = byRule(findingsOf({ result }), 'event-missing');
    expect(failed).toHaveLength(11);
    expect(failed.map((finding) => finding.location?.segment)).toEqual([...numbers(10), undefined]);
    expect(failed[10]?.message).toBe('4 more checks failed; see "results" in the report.');
  });

  it('counts undecided and dropped checks', () => {
    const result = createResult({
      results: [
        createCheck({ segment: 1, decision: 'undecided', decidedBy: 'noJudge' }),
        createCheck({ segment: 2, decision: 'undecided', decidedBy: 'noJudge' }),
        createCheck({ segment: 3, decision: 'undecided', decidedBy: 'judgeDropped' }),
      ],
    });
    const findings = findingsOf({ result });
    expect(byRule(findings, 'undecided')).toEqual([
      {
        evaluator: 'constraints',
        ruleId: 'constraints/undecided',
        severity: 'info',
        message:
          '2 check(s) were inconclusive by wording alone and count as not satisfied, so STIC is a lower bound; pass --judge <model> to settle them.',
      },
    ]);
    expect(byRule(findings, 'judge-dropped')).toEqual([
      {
        evaluator: 'constraints',
        ruleId: 'constraints/judge-dropped',
        severity: 'warning',
        message:
          'The judge gave no usable answer for 1 check(s) even after retries; they count as not satisfied.',
      },
    ]);
  });

  it('lists ten leaks without a sum', () => {
    const cases = numbers(10).map((segment) => ({ event: 'kite contest', segment }));
    const result = createResult({ leakage: { pairs: 20, leaked: 10, rate: 0.5, cases } });
    expect(byRule(findingsOf({ result }), 'leakage')).toHaveLength(10);
  });

  it('lists leaks at their segments and sums up past the tenth', () => {
    const cases = numbers(12).map((segment) => ({ event: 'kite contest', segment }));
    const result = createResult({ leakage: { pairs: 20, leaked: 12, rate: 0.6, cases } });
    const leaks = byRule(findingsOf({ result }), 'leakage');
    expect(leaks).toHaveLength(11);
    expect(leaks[0]).toEqual({
      evaluator: 'constraints',
      ruleId: 'constraints/leakage',
      severity: 'info',
      message: '"kite contest" appears in Week 1, which did not ask for it.',
      location: { offset: 1_000, line: 1_001, segment: 1 },
    });
    expect(leaks[10]?.message).toBe('2 more events appear where they were not asked for.');
  });

  it('lists segments under the minimum length and sums up past the tenth', () => {
    const below = numbers(11).map((segment) => ({ segment, words: 20 + segment }));
    const result = createResult({ minWords: { required: 100, below, share: 0 } });
    const short = byRule(findingsOf({ result }), 'segment-too-short');
    expect(short).toHaveLength(11);
    expect(short[1]).toEqual({
      evaluator: 'constraints',
      ruleId: 'constraints/segment-too-short',
      severity: 'warning',
      message: 'Week 2 has 22 words, under the minimum of 100.',
      location: { offset: 2_000, line: 2_001, segment: 2 },
    });
    expect(short[10]?.message).toBe('1 more segments are under 100 words.');
  });
});
