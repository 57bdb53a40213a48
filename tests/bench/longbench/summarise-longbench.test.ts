import { describe, expect, it } from 'vitest';
import { formatLongbenchSummary } from '../../../src/bench/longbench/format-longbench-summary.js';
import { summariseLongbench } from '../../../src/bench/longbench/summarise-longbench.js';
import { longbenchItems, longbenchResult } from '../helpers/longbench-rows.js';

const items = longbenchItems();

describe('summariseLongbench', () => {
  it('averages S_l per bucket, language and type, always listing the four buckets', () => {
    const results = [
      longbenchResult({ item: items[0]!, produced: 150, S_l: 100 }),
      longbenchResult({ item: items[1]!, produced: 150, S_l: 50 }),
      longbenchResult({ item: items[6]!, produced: 2000, S_l: 25 }),
    ];
    const summary = summariseLongbench({ results });
    expect(summary.byBucket.map((group) => [group.group, group.items, group.lengthScore])).toEqual([
      ['[0,500)', 2, 75],
      ['[500,2000)', 0, null],
      ['[2000,4000)', 0, null],
      ['[4000,20000]', 1, 25],
    ]);
    expect(summary.overall).toMatchObject({
      items: 3,
      lengthScore: 175 / 3,
      qualityScore: null,
      overall: null,
    });
    expect(summary.byLanguage.map((group) => [group.group, group.lengthScore])).toEqual([
      ['en', 62.5],
      ['zh', 50],
    ]);
    expect(summary.byType.map((group) => group.group)).toEqual([
      'Community Forum',
      'Literature and Creative Writing',
    ]);
    expect(summary.byBucket[0]).toMatchObject({ meanRequired: 225, meanProduced: 150 });
  });

  it('counts the answers outside the length gate, overall and per group', () => {
    const results = [
      longbenchResult({ item: { ...items[6]!, length: 1_000 }, produced: 950, S_l: 95 }),
      longbenchResult({ item: { ...items[6]!, length: 1_000 }, produced: 400, S_l: 25 }),
      longbenchResult({ item: { ...items[6]!, length: 1_000 }, produced: 1_500, S_l: 80 }),
    ];
    expect(summariseLongbench({ results }).overall.outsideGate).toEqual({ short: 1, long: 1 });
    const lenient = summariseLongbench({ results, gate: { floor: 0.3, ceiling: 2 } });
    expect(lenient.overall.outsideGate).toEqual({ short: 0, long: 0 });
    expect(
      formatLongbenchSummary({ summary: lenient, mode: 'quire', model: 'sim', judge: null }),
    ).toContain(
      'Outside the length gate (0.3×–2× the required length): 0 of 3 items (0 short, 0 long).',
    );
  });

  it('computes S as the mean of the S_l and S_q means, S_q over the judged items only', () => {
    const results = [
      longbenchResult({ item: items[0]!, produced: 150, S_l: 80, S_q: 60 }),
      longbenchResult({ item: items[1]!, produced: 150, S_l: 100, S_q: null }),
    ];
    const { overall } = summariseLongbench({ results });
    expect(overall).toMatchObject({
      items: 2,
      judged: 1,
      lengthScore: 90,
      qualityScore: 60,
      overall: 75,
    });
  });

  it('adds a >20000 row only when such an item exists', () => {
    const item = { ...items[7]!, length: 30_000, bucket: '>20000' as const };
    const summary = summariseLongbench({
      results: [longbenchResult({ item, produced: 2000, S_l: 0 })],
    });
    expect(summary.byBucket.map((group) => group.group)).toContain('>20000');
    expect(summariseLongbench({ results: [] }).byBucket).toHaveLength(4);
  });
});

describe('formatLongbenchSummary', () => {
  it('prints the bucket table with the overall row and says why S_q is blank', () => {
    const summary = summariseLongbench({
      results: [longbenchResult({ item: items[6]!, produced: 2000, S_l: 25 })],
    });
    const text = formatLongbenchSummary({ summary, mode: 'direct', model: 'sim', judge: null });
    expect(text).toContain('## LongBench-Write · direct mode · sim · 1 items');
    expect(text).toMatch(/\| \[4000,20000\] +\| +1 \| +5,000 \| +2,000 \| +25\.0 \| +– \| +– \|/);
    expect(text).toMatch(/\| overall +\| +1 \|/);
    expect(text).toContain('### By language');
    expect(text).toContain('S_q and S are blank: no judge was given');
  });

  it('names the judge and counts dropped judgements', () => {
    const summary = summariseLongbench({
      results: [
        longbenchResult({ item: items[0]!, produced: 150, S_l: 80, S_q: 60 }),
        longbenchResult({ item: items[1]!, produced: 150, S_l: 80, S_q: null }),
      ],
    });
    const text = formatLongbenchSummary({
      summary,
      mode: 'quire',
      model: 'sim',
      judge: 'openai:judge',
    });
    expect(text).toContain('1 of 2 judgements were dropped');
  });
});
