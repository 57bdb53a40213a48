import { describe, expect, it } from 'vitest';
import { parseHellobenchLengths } from '../../../src/bench/hellobench/parse-hellobench-lengths.js';
import { selectHellobenchItems } from '../../../src/bench/hellobench/select-hellobench-items.js';
import { UsageError } from '../../../src/errors/usage-error.js';
import { hellobenchItem } from '../helpers/hellobench-rows.js';

const lengths = ['2k', '4k', '8k', '16k'] as const;
const items = lengths.flatMap((length) =>
  Array.from({ length: 10 }, (_, index) => hellobenchItem({ index, length })),
);

describe('selectHellobenchItems', () => {
  it('spreads the limit over the lengths, asking the same tasks at each', () => {
    const picked = selectHellobenchItems({ items, limit: 8 });
    expect(picked.map((item) => item.group)).toEqual([
      '2k',
      '2k',
      '4k',
      '4k',
      '8k',
      '8k',
      '16k',
      '16k',
    ]);
    const tasksAt = (length: string) =>
      picked.filter((item) => item.group === length).map((item) => item.taskId);
    expect(tasksAt('2k')).toEqual([
      'heuristic_text_generation_002',
      'heuristic_text_generation_007',
    ]);
    for (const length of lengths) expect(tasksAt(length)).toEqual(tasksAt('2k'));
  });

  it('keeps every item without a limit or with one at least their number', () => {
    expect(selectHellobenchItems({ items })).toEqual(items);
    expect(selectHellobenchItems({ items, limit: 40 })).toEqual(items);
  });
});

describe('parseHellobenchLengths', () => {
  it('reads the lengths named, in HelloBench’s order, each once', () => {
    expect(parseHellobenchLengths('16k, 2K,2k')).toEqual(['2k', '16k']);
    expect(parseHellobenchLengths('4k')).toEqual(['4k']);
  });

  it.each(['3k', '', ' , ', '2k,32k'])('refuses %j, naming the lengths there are', (text) => {
    expect(() => parseHellobenchLengths(text)).toThrow(UsageError);
    expect(() => parseHellobenchLengths(text)).toThrow(
      `--lengths takes some of 2k, 4k, 8k, 16k separated by commas, got "${text}".`,
    );
  });
});
