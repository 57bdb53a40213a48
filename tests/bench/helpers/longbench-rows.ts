import type { LongbenchItem } from '../../../src/bench/longbench/longbench-item.js';
import { toLongbenchItem } from '../../../src/bench/longbench/longbench-item.js';
import type { LongbenchResult } from '../../../src/bench/longbench/longbench-result-schema.js';

/** A LongBench-Write style row: the prompt states its length so the sim model follows it. */
export function longbenchRow({
  length,
  lang = 'en',
  type = 'Popular Science',
  topic = 'tides',
}: {
  length: number;
  lang?: 'en' | 'zh';
  type?: string;
  topic?: string;
}): { prompt: string; type: string; length: number } {
  const prompt =
    lang === 'en'
      ? `Write a ${length}-word article about ${topic} for curious readers.`
      : `写一篇关于${topic}的文章，不少于${length}字。`;
  return { prompt, type, length };
}

/** Rows over the four buckets and both languages: 2 per bucket, 8 in all, sorted by length. */
export function longbenchRows(): Array<{ prompt: string; type: string; length: number }> {
  return [
    longbenchRow({ length: 150, topic: 'kites', type: 'Community Forum' }),
    longbenchRow({ length: 300, lang: 'zh', topic: '潮汐', type: 'Community Forum' }),
    longbenchRow({ length: 800, topic: 'lighthouses' }),
    longbenchRow({ length: 1200, lang: 'zh', topic: '桥梁' }),
    longbenchRow({ length: 2500, topic: 'glaciers', type: 'Academic and Monograph' }),
    longbenchRow({ length: 3000, lang: 'zh', topic: '火山', type: 'Academic and Monograph' }),
    longbenchRow({ length: 5000, topic: 'harbours', type: 'Literature and Creative Writing' }),
    longbenchRow({
      length: 6000,
      lang: 'zh',
      topic: '灯塔',
      type: 'Literature and Creative Writing',
    }),
  ];
}

/** The same rows as a JSONL text. */
export function longbenchJsonl(rows = longbenchRows()): string {
  return `${rows.map((row) => JSON.stringify(row)).join('\n')}\n`;
}

/** Items of the rows, numbered by line. */
export function longbenchItems(rows = longbenchRows()): LongbenchItem[] {
  return rows.map((row, index) => toLongbenchItem({ row, line: index + 1 }));
}

/** A result line for an item, with the scores given; the rest plausible. */
export function longbenchResult({
  item,
  produced,
  S_l,
  S_q = null,
}: {
  item: LongbenchItem;
  produced: number;
  S_l: number;
  S_q?: number | null;
}): LongbenchResult {
  return {
    id: item.id,
    line: item.line,
    prompt: item.prompt,
    type: item.type,
    length: item.length,
    lang: item.lang,
    bucket: item.bucket,
    sample: item.sample,
    mode: 'direct',
    model: 'sim',
    response: 'text',
    response_length: produced,
    S_l,
    S_q,
    S: S_q === null ? null : (S_l + S_q) / 2,
    quality: null,
    usage: { inputTokens: 10, outputTokens: 20, cachedInputTokens: 0, calls: 1, failedAttempts: 0 },
    finishReason: 'stop',
    elapsedSeconds: 1,
    runDirectory: null,
    finishedAt: '2026-01-01T00:00:00.000Z',
  };
}
