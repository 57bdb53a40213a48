import { describe, expect, it } from 'vitest';
import type { ConstraintFile } from '../../../src/evaluators/constraints/constraint-file-schema.js';
import { evaluateConstraints } from '../../../src/evaluators/constraints/evaluate-constraints.js';

/** Ten weeks; checks: once {3}, range {5, 6}, periodic {2, 6, 10}: six checks in all. */
const constraints: ConstraintFile = {
  version: 1,
  unit: 'Week',
  separator: '#*#',
  segments: 10,
  minWords: 15,
  constraints: [
    { type: 'once', segment: 3, event: 'jazz quartet rehearsal' },
    { type: 'range', start: 5, end: 6, event: 'kite flying contest' },
    { type: 'periodic', start: 2, every: 4, event: 'pottery class' },
  ],
};
const events: Record<number, string[]> = {
  3: ['jazz quartet rehearsal'],
  5: ['kite flying contest'],
  6: ['kite flying contest', 'pottery class'],
  2: ['pottery class'],
  10: ['pottery class'],
};
/** 19 words. */
const filler =
  'The weather stayed mild and work kept everyone busy from Monday until a quiet weekend at home with friends.';

/** An SGT-style output: `#*# Week n:` entries with filler and the events asked for. */
function buildOutput({
  weeks,
  eventsIn,
}: {
  weeks: number[];
  eventsIn: (week: number) => string[];
}): string {
  const entries = weeks.map((week) => {
    const mentions = eventsIn(week).map((event) => `This week also brought the ${event}.`);
    return `#*# Week ${week}:\n${[filler, ...mentions].join(' ')}`;
  });
  return `${entries.join('\n')}\n*** finished`;
}
const allWeeks = Array.from({ length: 10 }, (_, index) => index + 1);

describe('evaluateConstraints', () => {
  it('scores an output with every event where it was asked as perfect', async () => {
    const text = buildOutput({ weeks: allWeeks, eventsIn: (week) => events[week] ?? [] });
    const { constraints: result, findings } = await evaluateConstraints({ text, constraints });
    expect(result).toMatchObject({ cr: 1, stic1: 1, stic2: 1, wAvg: 1 });
    expect(result.checks).toEqual({ total: 6, present: 6, satisfied: 6, undecided: 0, judged: 0 });
    expect(result.byType).toEqual({
      once: { checks: 1, present: 1, satisfied: 1, stic1: 1, stic2: 1 },
      range: { checks: 2, present: 2, satisfied: 2, stic1: 1, stic2: 1 },
      periodic: { checks: 3, present: 3, satisfied: 3, stic1: 1, stic2: 1 },
    });
    expect(result.leakage).toEqual({ pairs: 24, leaked: 0, rate: 0, cases: [] });
    expect(result.minWords).toEqual({ required: 15, below: [], share: 1 });
    expect(findings).toEqual([]);
  });

  it('halves STIC when the events stop in the second half', async () => {
    const text = buildOutput({
      weeks: allWeeks,
      eventsIn: (week) => (week <= 5 ? (events[week] ?? []) : []),
    });
    const { constraints: result, findings } = await evaluateConstraints({ text, constraints });
    // Satisfied: week 3 (once), week 5 (range), week 2 (periodic); failed: 6, 6, 10.
    expect(result).toMatchObject({ cr: 1, stic1: 0.5, stic2: 0.5, wAvg: 0.5 });
    expect(result.byType.range).toMatchObject({ checks: 2, satisfied: 1, stic2: 0.5 });
    expect(result.byType.periodic).toMatchObject({ checks: 3, satisfied: 1, stic1: 1 / 3 });
    expect(
      result.byDecile.map((decile) => [
        decile.decile,
        decile.from,
        decile.to,
        decile.checks,
        decile.satisfied,
      ]),
    ).toEqual([
      [1, 1, 1, 0, 0],
      [2, 2, 2, 1, 1],
      [3, 3, 3, 1, 1],
      [4, 4, 4, 0, 0],
      [5, 5, 5, 1, 1],
      [6, 6, 6, 2, 0],
      [7, 7, 7, 0, 0],
      [8, 8, 8, 0, 0],
      [9, 9, 9, 0, 0],
      [10, 10, 10, 1, 0],
    ]);
    const missing = findings.filter((finding) => finding.ruleId === 'constraints/event-missing');
    expect(missing.map((finding) => finding.location?.segment)).toEqual([6, 6, 10]);
    // Each entry is a header line and a text line: Week 6 starts on line 11.
    expect(missing[0]?.location?.line).toBe(11);
  });

  it('counts a missing second half in CR, not STIC-1', async () => {
    const text = buildOutput({ weeks: [1, 2, 3, 4, 5], eventsIn: (week) => events[week] ?? [] });
    const { constraints: result, findings } = await evaluateConstraints({ text, constraints });
    // Present checks: weeks 3, 5 and 2, all satisfied; three of six checks in all.
    expect(result).toMatchObject({ cr: 0.5, stic1: 1, stic2: 0.5, wAvg: 0.25 });
    expect(result.segments).toMatchObject({ required: 10, found: 5, missing: [6, 7, 8, 9, 10] });
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'constraints/missing-segments',
        severity: 'error',
        message: '5 of 10 Week segments are missing: 6–10.',
      }),
    ]);
  });

  it('sees through an output that writes every event into every segment', async () => {
    const text = buildOutput({
      weeks: allWeeks,
      eventsIn: () => ['jazz quartet rehearsal', 'kite flying contest', 'pottery class'],
    });
    const { constraints: result, findings } = await evaluateConstraints({ text, constraints });
    expect(result).toMatchObject({ cr: 1, stic1: 1, stic2: 1, wAvg: 1 });
    // Unasked pairs: jazz in 9 weeks, kite in 8, pottery in 7.
    expect(result.leakage).toMatchObject({ pairs: 24, leaked: 24, rate: 1 });
    expect(result.leakage.cases[0]).toEqual({ event: 'jazz quartet rehearsal', segment: 1 });
    expect(findings.filter((finding) => finding.ruleId === 'constraints/leakage')).toHaveLength(11);
  });

  it('reports the segments set aside and reads headers by the rule asked for', async () => {
    const text = `${buildOutput({ weeks: [1, 2, 2, 3, 12, 4], eventsIn: (week) => events[week] ?? [] })}\n#*# week 5:\n${filler}`;
    const { constraints: result, findings } = await evaluateConstraints({ text, constraints });
    expect(result.headers).toBe('sgt');
    expect(result.segments).toEqual({
      required: 10,
      found: 4,
      missing: [5, 6, 7, 8, 9, 10],
      duplicates: [2],
      outOfRange: [12],
      unnumbered: 1,
    });
    expect(findings.map((finding) => finding.ruleId)).toEqual([
      'constraints/missing-segments',
      'constraints/duplicate-segment',
      'constraints/segment-out-of-range',
      'constraints/unnumbered-segment',
    ]);
    const lenient = await evaluateConstraints({ text, constraints, headers: 'lenient' });
    expect(lenient.constraints.headers).toBe('lenient');
    expect(lenient.constraints.segments).toMatchObject({ found: 5, unnumbered: 0 });
    expect(lenient.findings[0]?.ruleId).toBe('constraints/lenient-headers');
  });

  it('has no unit and no minimum share when the file gives neither', async () => {
    const text = ['first part', 'second part'].join('\n---\n');
    const { constraints: result } = await evaluateConstraints({
      text,
      constraints: {
        version: 1,
        separator: '---',
        segments: 2,
        constraints: [{ type: 'once', segment: 2, event: 'second part' }],
      },
    });
    expect(result).toMatchObject({
      unit: null,
      separator: '---',
      minWords: { required: null, below: [], share: null },
      results: [
        {
          constraint: 0,
          type: 'once',
          segment: 2,
          event: 'second part',
          decision: 'yes',
          decidedBy: 'lexical',
        },
      ],
    });
  });

  it('has no minimum share when no segment was found', async () => {
    const { constraints: result, findings } = await evaluateConstraints({
      text: 'No headers at all.',
      constraints,
    });
    expect(result.minWords).toEqual({ required: 15, below: [], share: null });
    expect(result).toMatchObject({ cr: 0, stic1: null, stic2: 0, wAvg: 0 });
    expect(findings[0]?.message).toBe('10 of 10 Week segments are missing: 1–10.');
  });

  it('flags segments under the minimum length', async () => {
    const text = buildOutput({ weeks: allWeeks, eventsIn: (week) => events[week] ?? [] }).replace(
      `#*# Week 4:\n${filler}`,
      '#*# Week 4:\nShort week.',
    );
    const { constraints: result, findings } = await evaluateConstraints({ text, constraints });
    expect(result.minWords).toEqual({
      required: 15,
      below: [{ segment: 4, words: 2 }],
      share: 0.9,
    });
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'constraints/segment-too-short',
        location: expect.objectContaining({ segment: 4, line: 7 }),
      }),
    ]);
  });

  it('leaves a check undecided without a judge when the wording is inconclusive', async () => {
    const text = buildOutput({
      weeks: allWeeks,
      eventsIn: (week) => (week === 3 ? ['jazz concert'] : (events[week] ?? [])),
    });
    const { constraints: result, findings } = await evaluateConstraints({ text, constraints });
    expect(result.checks).toMatchObject({ satisfied: 5, undecided: 1 });
    expect(result.results[0]).toMatchObject({
      segment: 3,
      decision: 'undecided',
      decidedBy: 'noJudge',
    });
    expect(result.stic2).toBeCloseTo(5 / 6, 10);
    expect(findings.map((finding) => finding.ruleId)).toEqual(['constraints/undecided']);
  });
});
