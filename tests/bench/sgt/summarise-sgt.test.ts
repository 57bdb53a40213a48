import { describe, expect, it } from 'vitest';
import { formatSgtSummary } from '../../../src/bench/sgt/format-sgt-summary.js';
import type { SgtResult } from '../../../src/bench/sgt/sgt-result-schema.js';
import { summariseSgt } from '../../../src/bench/sgt/summarise-sgt.js';

function result({
  scenario,
  required,
  found,
  once,
  periodic,
  leakage,
}: {
  scenario: string;
  required: number;
  found: number;
  /** [checks, present, satisfied] */
  once: [number, number, number];
  periodic: [number, number, number];
  leakage: [number, number];
}): SgtResult {
  const counts = ([checks, present, satisfied]: [number, number, number]) => ({
    checks,
    present,
    satisfied,
  });
  return {
    id: `${scenario}-${required}`,
    scenario,
    source: 'generated',
    mode: 'quire',
    model: 'sim',
    segments: { required, found },
    words: 1000,
    headers: 'sgt',
    cr: found / required,
    stic1: null,
    stic2: null,
    wAvg: null,
    checks: {
      total: once[0] + periodic[0],
      present: once[1] + periodic[1],
      satisfied: once[2] + periodic[2],
      undecided: 0,
      judged: 0,
      stored: 0,
    },
    byType: { once: counts(once), range: counts([0, 0, 0]), periodic: counts(periodic) },
    leakage: { pairs: leakage[0], leaked: leakage[1] },
    segmentsBelowMinimum: 0,
    usage: { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, calls: 1, failedAttempts: 0 },
    elapsedSeconds: 1,
    runDirectory: null,
    responseFile: null,
    finishedAt: '2026-01-01T00:00:00.000Z',
  };
}

const results = [
  result({
    scenario: 'diary',
    required: 10,
    found: 10,
    once: [4, 4, 2],
    periodic: [6, 6, 6],
    leakage: [50, 5],
  }),
  result({
    scenario: 'diary',
    required: 30,
    found: 15,
    once: [4, 2, 2],
    periodic: [12, 6, 0],
    leakage: [50, 0],
  }),
  result({
    scenario: 'floors',
    required: 20,
    found: 20,
    once: [2, 2, 1],
    periodic: [2, 2, 2],
    leakage: [0, 0],
  }),
];

describe('summariseSgt', () => {
  it("averages the tasks' CR, as SGT does, and pools the checks, per scenario and overall", () => {
    const summary = summariseSgt({ results });
    const diary = summary.byScenario[0]!;
    expect(diary).toMatchObject({ group: 'diary', tasks: 2, checks: 26 });
    // (10/10 + 15/30) / 2, not 25/40: a task counts once, whatever its number of segments.
    expect(diary.cr).toBeCloseTo(0.75);
    expect(diary.stic1).toBeCloseTo(10 / 18);
    expect(diary.stic2).toBeCloseTo(10 / 26);
    expect(diary.wAvg).toBeCloseTo(0.75 * (10 / 26));
    expect(diary.leakage).toBeCloseTo(5 / 100);
    expect(diary.byType.once).toEqual({
      checks: 8,
      present: 6,
      satisfied: 4,
      stic1: 4 / 6,
      stic2: 4 / 8,
    });
    expect(diary.byType.range).toEqual({
      checks: 0,
      present: 0,
      satisfied: 0,
      stic1: null,
      stic2: null,
    });
    expect(summary.byScenario[1]?.leakage).toBeNull();
    expect(summary.overall).toMatchObject({ group: 'overall', tasks: 3, checks: 30 });
    expect(summary.overall.cr).toBeCloseTo((1 + 0.5 + 1) / 3);
    expect(summary.headers).toBe('sgt');
  });

  it('counts the checks left undecided, and says when header rules were mixed', () => {
    const undecided = results.map((each, index) => ({
      ...each,
      checks: { ...each.checks, undecided: index + 1 },
    }));
    const summary = summariseSgt({ results: undecided });
    expect(summary.overall.undecided).toBe(6);
    expect(summary.byScenario[0]?.undecided).toBe(3);
    const mixed = summariseSgt({
      results: [results[0]!, { ...results[1]!, headers: 'lenient' }],
    });
    expect(mixed.headers).toBe('mixed');
  });
});

describe('formatSgtSummary', () => {
  it('prints percentages per scenario and the per-type STIC table', () => {
    const text = formatSgtSummary({
      summary: summariseSgt({ results }),
      mode: 'quire',
      model: 'sim',
      judge: null,
    });
    expect(text).toContain('## SGT · quire mode · sim · 3 tasks');
    expect(text).toMatch(
      /\| floors +\| +1 \| +4 \| +100\.0 \| +75\.0 \| +75\.0 \| +75\.0 \| +0 \| +– \|/,
    );
    expect(text).toMatch(/\| diary +\| +66\.7 \/ 50\.0 \| +– \| +50\.0 \/ 33\.3 \|/);
    expect(text).toContain("Headers: SGT's header rule");
    expect(text).toContain('no check was left undecided');
  });

  it('names undecided checks as a lower bound, and labels lenient headers in the title', () => {
    const lenient = results.map((each) => ({
      ...each,
      headers: 'lenient' as const,
      checks: { ...each.checks, undecided: 2 },
    }));
    const text = formatSgtSummary({
      summary: summariseSgt({ results: lenient }),
      mode: 'direct',
      model: 'sim',
      judge: null,
    });
    expect(text).toContain(
      "## SGT · direct mode · sim · 3 tasks · lenient headers, not SGT's rule",
    );
    expect(text).toContain('not comparable with published scores');
    expect(text).toContain(
      '6 check(s) were inconclusive by wording and not judged: they count as not satisfied, so STIC is a lower bound (pass --judge <model> to settle them)',
    );
  });
});
