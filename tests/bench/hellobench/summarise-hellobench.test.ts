import { describe, expect, it } from 'vitest';
import { formatHellobenchSummary } from '../../../src/bench/hellobench/format-hellobench-summary.js';
import { summariseHellobench } from '../../../src/bench/hellobench/summarise-hellobench.js';
import { defaultLengthGate } from '../../../src/evaluators/length-gate.js';
import {
  hellobenchItem,
  hellobenchResult,
  helloEvalJudgement,
} from '../helpers/hellobench-rows.js';

const lengths = ['2k', '4k', '8k', '16k'];
const results = [
  hellobenchResult({
    item: hellobenchItem({ index: 0, length: '2k' }),
    produced: 2100,
    S_l: 98,
    helloEval: helloEvalJudgement({ score: 80 }),
  }),
  hellobenchResult({
    item: hellobenchItem({ index: 1, length: '2k', category: 'keyword_writing' }),
    produced: 1500,
    S_l: 83,
    lengthGate: 'short',
    helloEval: helloEvalJudgement({ score: 60 }),
  }),
  hellobenchResult({
    item: hellobenchItem({ index: 0, length: '8k' }),
    produced: 2000,
    S_l: 0,
    lengthGate: 'short',
    helloEval: helloEvalJudgement({ score: null }),
  }),
];

describe('summariseHellobench', () => {
  const summary = summariseHellobench({ results, groups: lengths });

  it('gives one row per length asked for, empty ones included, in order', () => {
    expect(summary.byGroup.map((group) => [group.group, group.items])).toEqual([
      ['2k', 2],
      ['4k', 0],
      ['8k', 1],
      ['16k', 0],
    ]);
    expect(summary.byGroup[1]).toMatchObject({
      lengthScore: null,
      helloEval: null,
      weighting: null,
    });
  });

  it('averages S_l and counts the gate over targeted answers, HelloEval over judged ones', () => {
    expect(summary.byGroup[0]).toMatchObject({
      targeted: 2,
      meanRequired: 2000,
      meanProduced: 1800,
      lengthScore: 90.5,
      withinGate: 1,
      judged: 2,
      dropped: 0,
      helloEval: 70,
      helloEvalPaperScale: -20,
      weighting: 'published',
    });
    expect(summary.overall).toMatchObject({ items: 3, judged: 2, dropped: 1, helloEval: 70 });
    expect(summary.byCategory.map((group) => [group.group, group.items])).toEqual([
      ['keyword_writing', 1],
      ['story_writing', 2],
    ]);
    expect(summary.equalWeightCategories).toEqual([]);
  });

  it('names the categories judged with equal weights, and marks a mix', () => {
    const mixed = summariseHellobench({
      results: [
        ...results,
        hellobenchResult({
          item: hellobenchItem({ index: 2, length: '4k', category: 'limericks' }),
          produced: 4000,
          S_l: 100,
          helloEval: helloEvalJudgement({ score: 50, weighting: 'equal' }),
        }),
      ],
      groups: lengths,
    });
    expect(mixed.equalWeightCategories).toEqual(['limericks']);
    expect(mixed.overall.weighting).toBe('mixed');
    expect(mixed.byGroup[1]?.weighting).toBe('equal');
  });
});

describe('formatHellobenchSummary', () => {
  const format = (judge: string | null, input = results) =>
    formatHellobenchSummary({
      summary: summariseHellobench({ results: input, groups: lengths }),
      subset: 'length-constrained',
      mode: 'quire',
      model: 'sim',
      judge,
      gate: defaultLengthGate,
    });

  it('shows the four lengths and the overall row, then the categories', () => {
    const text = format('mock-judge');
    expect(text).toContain('## HelloBench · length-constrained · quire mode · sim · 3 items');
    const rows = text.split('\n').filter((line) => /^\| (2k|4k|8k|16k|overall) /.test(line));
    expect(rows.map((line) => line.split('|')[1]?.trim())).toEqual([
      '2k',
      '4k',
      '8k',
      '16k',
      'overall',
    ]);
    expect(rows[0]).toMatch(/\| 2k +\| +2 \| +2,000 \| +1,800 \| +1\/2 \| 90\.5 \| +70\.0 \|/);
    expect(rows[1]).toMatch(/\| 4k +\| +0 \| +– \| +– \| +– \| +– \| +– \|/);
    expect(text).toContain('### By category');
    expect(text).toContain('"in gate": answers within 0.9× to 1.2× of the length');
  });

  it('says the weights and the dropped judgements when judged', () => {
    const text = format('mock-judge');
    expect(text).toContain(
      "HelloEval (0–100): judge mock-judge, checklist levels combined with HelloBench's published checklist weights (fitted to human ratings).",
    );
    expect(text).toContain("On the paper's scale, (score − 75) × 4, the overall score is -20.0.");
    expect(text).toContain('1 of 3 judgements were dropped');
  });

  it('labels equal weights', () => {
    const equal = results.map((result) => ({
      ...result,
      helloEval: result.helloEval && { ...result.helloEval, weighting: 'equal' as const },
    }));
    expect(format('mock-judge', equal)).toContain(
      'EQUAL weights (no published weights fit these tasks)',
    );
  });

  it('says the table measures length only without a judge', () => {
    const text = format(
      null,
      results.map((result) => ({ ...result, helloEval: null })),
    );
    expect(text).toContain(
      'HelloEval is blank: no judge was given, so this table measures length only',
    );
  });
});
