import pc from 'picocolors';
import { describe, expect, it } from 'vitest';
import { parseConstraintFile } from '../../src/evaluators/constraints/parse-constraint-file.js';
import { evaluateDocument } from '../../src/evaluators/evaluate-document.js';
import type { Report } from '../../src/evaluators/report-schema.js';
import { summaryRows } from '../../src/evaluators/summary-rows.js';

/** Colours written out as tags, so a test can see which colour a value got. */
const paint = {
  ...pc.createColors(false),
  green: (text: unknown) => `<green>${text}</green>`,
  yellow: (text: unknown) => `<yellow>${text}</yellow>`,
  red: (text: unknown) => `<red>${text}</red>`,
};

const constraints = parseConstraintFile({
  text: JSON.stringify({
    unit: 'Week',
    segments: 2,
    constraints: [{ type: 'once', segment: 1, event: 'fair' }],
  }),
  file: 'c.json',
});

/** The rows of a real report of a short diary, changed by `change`. */
async function rowsOf(change: (report: Report) => void = () => {}) {
  const report = await evaluateDocument({
    text: '## Week 1\nWe went to the fair.\n## Week 2\nRain.',
    requiredWords: 10_000,
    constraints,
  });
  change(report);
  return summaryRows({ report, paint });
}

/** The row labelled `label`, as [value, note]. */
function row(rows: ReturnType<typeof summaryRows>, label: string) {
  const found = rows.find(([each]) => each === label);
  if (found === undefined) throw new Error(`no row "${label}"`);
  return [found[1], found[2]];
}

describe('summaryRows', () => {
  it('shows the words, the required length and its bucket', async () => {
    const rows = await rowsOf((report) => {
      report.words = 12_345;
    });
    expect(row(rows, 'words')).toEqual(['12,345', 'required 10,000']);
    expect(row(rows, 'length S_l')[1]).toBe('bucket [4000,20000]');
  });

  it('says what to pass when there is no required length, no judge or no overall score', async () => {
    const rows = await rowsOf((report) => {
      report.length.required = null;
      report.length.gate = null;
      report.scores = { length: null, quality: null, overall: null };
    });
    expect(row(rows, 'words')[1]).toBe('');
    expect(row(rows, 'length S_l')).toEqual(['—', 'no required length: pass --words N']);
    expect(row(rows, 'length gate')).toEqual(['—', 'no required length']);
    expect(row(rows, 'quality S_q')).toEqual(['—', 'no judge: pass --judge <model>']);
    expect(row(rows, 'overall S')).toEqual(['—', 'needs S_l and S_q']);
  });

  it('colours scores green from 80, yellow from 50, red below', async () => {
    const scored = async (length: number, quality: number, overall: number) =>
      rowsOf((report) => {
        report.scores = { length, quality, overall };
        report.quality = { judge: 'openai:judge-model', status: 'scored' } as Report['quality'];
      });
    const high = await scored(80, 50, 50);
    expect(row(high, 'length S_l')[0]).toBe('<green>80.0</green>');
    expect(row(high, 'quality S_q')).toEqual(['<yellow>50.0</yellow>', 'judge openai:judge-model']);
    expect(row(high, 'overall S')).toEqual(['<yellow>50.0</yellow>', '(S_l + S_q) / 2']);
    const low = await scored(79.9, 49.9, 0);
    expect(row(low, 'length S_l')[0]).toBe('<yellow>79.9</yellow>');
    expect(row(low, 'quality S_q')[0]).toBe('<red>49.9</red>');
    expect(row(low, 'overall S')[0]).toBe('<red>0.0</red>');
  });

  it('says when the quality judgement was dropped', async () => {
    const rows = await rowsOf((report) => {
      report.quality = { judge: 'openai:judge-model', status: 'dropped' } as Report['quality'];
    });
    expect(row(rows, 'quality S_q')).toEqual(['—', 'judgement dropped']);
  });

  it('shows where the length falls against the gate', async () => {
    const gate = async (status: 'within' | 'short' | 'long') =>
      row(
        await rowsOf((report) => {
          report.length.gate = { ...report.length.gate!, status };
        }),
        'length gate',
      );
    expect(await gate('within')).toEqual([
      '<green>within</green>',
      '9,000–12,000 words (0.9× to 1.2×)',
    ]);
    expect((await gate('short'))[0]).toBe('<yellow>too short</yellow>');
    expect((await gate('long'))[0]).toBe('<yellow>too long</yellow>');
  });

  it('counts the sections on budget only when there are sections', async () => {
    expect((await rowsOf()).map(([label]) => label)).not.toContain('sections on budget');
    const rows = await rowsOf((report) => {
      report.length.sectionsWithinTolerance = 2;
      report.length.sections = [{}, {}, {}] as Report['length']['sections'];
    });
    expect(row(rows, 'sections on budget')).toEqual([
      '2 of 3',
      'within ±15% of their word budgets',
    ]);
  });

  it('shows the repetition measures with their worst window', async () => {
    const rows = await rowsOf((report) => {
      Object.assign(report.repetition, {
        distinct1: 0.5,
        distinct2: 0.456,
        rep4: 0.1234,
        compressionRatio: 3.214,
      });
      Object.assign(report.repetition.windows, {
        minDistinct1: 0.31,
        minDistinct2: 0.42,
        maxRep4: 0.2,
        size: 500,
      });
    });
    expect(row(rows, 'distinct-1 / distinct-2')).toEqual([
      '0.50 / 0.46',
      'lowest window 0.31 / 0.42',
    ]);
    expect(row(rows, 'rep-4')).toEqual(['0.123', 'highest window 0.200 (500 tokens)']);
    expect(row(rows, 'compression (Brotli)')).toEqual(['3.21:1', '']);
  });

  it('shows a repeated stretch, a symbol run, a loop and near-duplicates where they start', async () => {
    const at = (line: number) => ({ line, column: 1, offset: 0 });
    const rows = await rowsOf((report) => {
      const repetition = report.repetition;
      repetition.repeatedStretch = { tokens: 1_234, share: 0.456, location: at(5) };
      repetition.symbolRun = { symbols: 60, distinct: ['=', '-'], location: at(7) };
      Object.assign(repetition.longestLoop, { pattern: 'and then', repeats: 3.5, location: at(9) });
      repetition.nearDuplicates = {
        paragraphs: 10,
        pairs: 2,
        worst: [{ jaccard: 0.854, first: at(3), second: at(11) }] as never,
      };
    });
    expect(row(rows, 'repeated stretch')).toEqual([
      '1,234 tokens',
      'from line 5, 46% in 4-grams seen before',
    ]);
    expect(row(rows, 'longest symbol run')).toEqual(['60', '= - from line 7']);
    expect(row(rows, 'longest loop')).toEqual(['3×', '"and then" from line 9']);
    expect(row(rows, 'near-duplicate paragraphs')).toEqual(['2', 'worst 85%: lines 3 and 11']);
  });

  it('says when there is no repetition of each kind', async () => {
    const rows = await rowsOf((report) => {
      const repetition = report.repetition;
      repetition.repeatedStretch = { tokens: 0, share: 0, location: null };
      repetition.symbolRun = { symbols: 0, distinct: [], location: null };
      repetition.longestLoop.repeats = 1.9;
      repetition.nearDuplicates = { paragraphs: 4, pairs: 0, worst: [] };
    });
    expect(row(rows, 'repeated stretch')).toEqual([
      'none',
      'no window of text that only repeats earlier text',
    ]);
    expect(row(rows, 'longest symbol run')).toEqual(['0', '']);
    expect(row(rows, 'longest loop')).toEqual([
      'none',
      'no pattern of up to 40 tokens repeats back to back',
    ]);
    expect(row(rows, 'near-duplicate paragraphs')).toEqual(['0', 'of 4 paragraphs']);
  });

  it('clips a long pattern to 40 characters', async () => {
    const rows = await rowsOf((report) => {
      Object.assign(report.repetition.longestLoop, { pattern: 'x'.repeat(41), repeats: 2 });
    });
    expect(row(rows, 'longest loop')[1]).toBe(`"${'x'.repeat(39)}…" from line 1`);
    const exact = await rowsOf((report) => {
      Object.assign(report.repetition.longestLoop, { pattern: 'x'.repeat(40), repeats: 2 });
    });
    expect(row(exact, 'longest loop')[1]).toBe(`"${'x'.repeat(40)}" from line 1`);
  });

  it('shows a late collapse in red, where it starts', async () => {
    const collapse = async (lateCollapse: Partial<Report['repetition']['lateCollapse']>) =>
      row(
        await rowsOf((report) => {
          Object.assign(report.repetition.lateCollapse, lateCollapse);
        }),
        'late collapse',
      );
    expect(
      await collapse({
        status: 'collapse',
        position: 0.754,
        location: { line: 40, column: 1, offset: 9 },
      }),
    ).toEqual(['<red>yes</red>', 'from line 40 (75% in)']);
    expect(await collapse({ status: 'none' })).toEqual(['none', '']);
    expect(await collapse({ status: 'tooShort' })).toEqual(['—', 'text too short to tell']);
  });

  it('compares the second half with the first, naming what got worse', async () => {
    const none = await rowsOf((report) => {
      report.degradation = null;
    });
    expect(row(none, 'second half vs first')).toEqual(['—', 'fewer than two parts']);
    const trend = {
      first: 0.9,
      last: 0.4,
      delta: -0.5,
      slope: -0.5,
      firstHalf: 0.8,
      secondHalf: 0.5,
    };
    const degradation = async (degraded: string[], firstHalf: number | null = 0.8) =>
      row(
        await rowsOf((report) => {
          report.degradation = {
            source: 'headings',
            parts: [{}, {}, {}, {}],
            trends: { distinct2: { ...trend, firstHalf } },
            degraded,
          } as unknown as Report['degradation'];
        }),
        'second half vs first',
      );
    expect(await degradation(['distinct2', 'rep4'])).toEqual([
      '<yellow>worse</yellow>',
      '4 headings; distinct-2 0.80 → 0.50; worse: distinct2, rep4',
    ]);
    expect(await degradation([], null)).toEqual(['holds', '4 headings; distinct-2 — → 0.50']);
  });

  it('lists the slop phrases found, or says there were none', async () => {
    expect(row(await rowsOf(), 'slop (per 1,000 words)')).toEqual(['0.00', 'no listed phrase']);
    const rows = await rowsOf((report) => {
      report.slop.ratePer1000 = 1.234;
      report.slop.phrases = [
        { phrase: 'delve', count: 2 },
        { phrase: 'tapestry', count: 1 },
      ];
    });
    expect(row(rows, 'slop (per 1,000 words)')).toEqual(['1.23', 'delve ×2, tapestry ×1']);
  });

  it('shows the constraint scores, checks, segments and leakage', async () => {
    const rows = await rowsOf();
    expect(row(rows, 'CR / STIC-1 / STIC-2 / wAvg')).toEqual([
      '1.00 / 1.00 / 1.00 / 1.00',
      '1 of 1 checks, 2 of 2 segments',
    ]);
    expect(row(rows, 'undecided checks')).toEqual(['0', 'every check settled by its wording']);
    expect(row(rows, 'leakage')[1]).toMatch(/^\d+ of \d+ unasked \(event, segment\) pairs$/);
    expect(rows.map(([label]) => label)).not.toContain('segments under 100 words');
  });

  it('says how checks were settled, lenient headers and segments under the minimum', async () => {
    const rows = await rowsOf((report) => {
      const result = report.constraints!;
      result.headers = 'lenient';
      result.stic1 = null;
      result.checks.judged = 3;
      result.leakage = { ...result.leakage, rate: 0.25, leaked: 1, pairs: 4 };
      result.minWords = { required: 100, below: [{ segment: 2, words: 1 }], share: 0.5 };
    });
    expect(row(rows, 'CR / STIC-1 / STIC-2 / wAvg')).toEqual([
      '1.00 / — / 1.00 / 1.00',
      "1 of 1 checks, 2 of 2 segments (lenient headers: not SGT's rule)",
    ]);
    expect(row(rows, 'undecided checks')).toEqual(['0', '3 settled by the judge']);
    expect(row(rows, 'leakage')).toEqual(['0.25', '1 of 4 unasked (event, segment) pairs']);
    expect(row(rows, 'segments under 100 words')).toEqual(['1', '']);
    const undecided = await rowsOf((report) => {
      report.constraints!.checks.undecided = 2;
    });
    expect(row(undecided, 'undecided checks')).toEqual([
      '2',
      'inconclusive by wording and not judged: counted as unsatisfied (pass --judge)',
    ]);
  });

  it('names the judge and its calls only when there was one', async () => {
    expect((await rowsOf()).map(([label]) => label)).not.toContain('judge');
    const rows = await rowsOf((report) => {
      report.judge = { model: 'openai:judge-model', calls: 5, dropped: 1 };
    });
    expect(row(rows, 'judge')).toEqual(['openai:judge-model', '5 call(s), 1 dropped']);
  });
});
