import { describe, expect, it } from 'vitest';
import { evaluateLength } from '../../src/evaluators/evaluate-length.js';

describe('evaluateLength', () => {
  it('scores the document and says so when no length was required', () => {
    const { length, findings } = evaluateLength({ produced: 812 });
    expect(length).toMatchObject({
      required: null,
      produced: 812,
      score: null,
      bucket: null,
      sections: [],
    });
    expect(findings).toEqual([
      expect.objectContaining({ ruleId: 'length/no-target', severity: 'info' }),
    ]);
  });

  it('scores against the requirement and flags a document off target', () => {
    const onTarget = evaluateLength({ produced: 9_500, required: 10_000 });
    expect(onTarget.length).toMatchObject({
      score: 100 * (1 - (10_000 / 9_500 - 1) / 2),
      bucket: '[4000,20000]',
    });
    expect(onTarget.findings).toEqual([]);
    const short = evaluateLength({ produced: 5_000, required: 10_000 });
    expect(short.length.score).toBe(50);
    expect(short.length.gate).toMatchObject({ status: 'short', floorWords: 9_000 });
    expect(short.findings[0]).toMatchObject({ ruleId: 'length/below-floor', severity: 'warning' });
    expect(short.findings[0]?.message).toContain('50% under');
  });

  it('flags a document over the ceiling, and honours a configured gate', () => {
    const long = evaluateLength({ produced: 12_500, required: 10_000 });
    expect(long.length.gate).toMatchObject({ status: 'long', ceilingWords: 12_000, ratio: 1.25 });
    expect(long.findings[0]).toMatchObject({ ruleId: 'length/above-ceiling', severity: 'warning' });
    const loose = evaluateLength({
      produced: 12_500,
      required: 10_000,
      gate: { floor: 0.5, ceiling: 1.5 },
    });
    expect(loose.length.gate?.status).toBe('within');
    expect(loose.findings).toEqual([]);
  });

  it('scores a blank answer 0 with an error, as LongBench-Write does', () => {
    const blank = evaluateLength({ produced: 0, required: 2_000 });
    expect(blank.length.score).toBe(0);
    expect(blank.findings).toEqual([
      expect.objectContaining({ ruleId: 'length/blank', severity: 'error' }),
    ]);
  });

  it('compares each section with its budget', () => {
    const { length, findings } = evaluateLength({
      produced: 2_000,
      required: 2_000,
      tolerance: 0.15,
      sections: [
        { id: 'intro', title: 'Introduction', budget: 400, words: 410 },
        { id: 'body', title: 'Body', budget: 1_200, words: 900 },
        { id: 'end', title: 'Conclusion', budget: 400, words: 690 },
      ],
    });
    expect(length.sections.map((section) => section.ratio)).toEqual([
      410 / 400,
      900 / 1_200,
      690 / 400,
    ]);
    expect(length.sections[1]?.score).toBeCloseTo(100 * (1 - (1_200 / 900 - 1) / 2), 10);
    expect(length.sectionsWithinTolerance).toBe(1);
    expect(findings.map((finding) => finding.location?.section)).toEqual(['body', 'end']);
    expect(findings[1]?.message).toBe(
      'Section "Conclusion" has 690 words, 73% over its budget of 400.',
    );
  });

  it('says in each finding what was asked, what was written and what to do', () => {
    expect(evaluateLength({ produced: 812 }).findings[0]?.message).toBe(
      'No required length was given, so there is no length score S_l: pass --words N (or evaluate a run directory).',
    );
    expect(evaluateLength({ produced: 0, required: 12_000 }).findings).toEqual([
      {
        evaluator: 'length',
        ruleId: 'length/blank',
        severity: 'error',
        message:
          'The document is blank: it has none of the 12,000 words required, so S_l is 0, as LongBench-Write scores a blank answer.',
      },
    ]);
    expect(evaluateLength({ produced: 5_000, required: 10_000 }).findings).toEqual([
      {
        evaluator: 'length',
        ruleId: 'length/below-floor',
        severity: 'warning',
        message:
          'The document has 5,000 words, 50% under the 10,000 required: under the floor of 9,000 (0.9×) (S_l 50.0).',
      },
    ]);
    expect(evaluateLength({ produced: 13_000, required: 10_000 }).findings[0]?.message).toBe(
      'The document has 13,000 words, 30% over the 10,000 required: over the ceiling of 12,000 (1.2×) (S_l 90.0).',
    );
  });

  it('reports the gate it used, and no section count without sections', () => {
    const { length } = evaluateLength({ produced: 9_000, required: 10_000 });
    expect(length).toMatchObject({
      required: 10_000,
      produced: 9_000,
      gate: {
        floor: 0.9,
        ceiling: 1.2,
        status: 'within',
        ratio: 0.9,
        floorWords: 9_000,
        ceilingWords: 12_000,
      },
      tolerance: 0.15,
      sections: [],
      sectionsWithinTolerance: null,
    });
  });

  it('flags a section 16% off its budget by default, not one 14% off, nor one without a budget', () => {
    const { length, findings } = evaluateLength({
      produced: 1_000,
      sections: [
        { id: 'a', title: 'A', budget: 100, words: 86 },
        { id: 'b', title: 'B', budget: 100, words: 84 },
        { id: 'c', title: 'C', budget: 0, words: 50 },
      ],
    });
    expect(length.sections[2]).toEqual({
      id: 'c',
      title: 'C',
      budget: 0,
      words: 50,
      ratio: null,
      score: null,
    });
    expect(length.sectionsWithinTolerance).toBe(1);
    expect(findings.filter((finding) => finding.ruleId === 'length/section-off-budget')).toEqual([
      {
        evaluator: 'length',
        ruleId: 'length/section-off-budget',
        severity: 'warning',
        message: 'Section "B" has 84 words, 16% under its budget of 100.',
        location: { section: 'b' },
      },
    ]);
  });
});
