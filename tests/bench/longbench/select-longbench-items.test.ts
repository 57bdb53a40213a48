import { describe, expect, it } from 'vitest';
import { toLongbenchItem } from '../../../src/bench/longbench/longbench-item.js';
import { selectLongbenchItems } from '../../../src/bench/longbench/select-longbench-items.js';
import { longbenchItems, longbenchRow } from '../helpers/longbench-rows.js';

/** 40 items: 10 per bucket, alternating languages, sorted by length as the real file is. */
function manyItems() {
  const lengths = [100, 500, 2000, 4000].flatMap((base) =>
    Array.from({ length: 10 }, (_, index) => base + index * 40),
  );
  return lengths.map((length, index) =>
    toLongbenchItem({
      row: longbenchRow({ length, lang: index % 2 === 0 ? 'en' : 'zh', topic: `topic ${index}` }),
      line: index + 1,
    }),
  );
}

describe('selectLongbenchItems', () => {
  it('keeps every item, in file order, without a limit or with one past the end', () => {
    const items = longbenchItems();
    expect(selectLongbenchItems({ items })).toEqual(items);
    expect(selectLongbenchItems({ items, limit: 99 })).toEqual(items);
  });

  it('spreads a limit evenly over the four buckets and both languages', () => {
    const picked = selectLongbenchItems({ items: manyItems(), limit: 12 });
    expect(picked).toHaveLength(12);
    const perBucket = new Map<string, number>();
    for (const item of picked) perBucket.set(item.bucket, (perBucket.get(item.bucket) ?? 0) + 1);
    expect([...perBucket.values()]).toEqual([3, 3, 3, 3]);
    for (const bucket of perBucket.keys()) {
      const languages = new Set(
        picked.filter((item) => item.bucket === bucket).map((item) => item.lang),
      );
      expect(languages, bucket).toEqual(new Set(['en', 'zh']));
    }
  });

  it('is deterministic and returns items in file order', () => {
    const first = selectLongbenchItems({ items: manyItems(), limit: 7 });
    const again = selectLongbenchItems({ items: manyItems(), limit: 7 });
    expect(first.map((item) => item.id)).toEqual(again.map((item) => item.id));
    const lines = first.map((item) => item.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    // 7 over four buckets: one more in each of the first three.
    expect(first.map((item) => item.bucket)).toEqual([
      '[0,500)',
      '[0,500)',
      '[500,2000)',
      '[500,2000)',
      '[2000,4000)',
      '[2000,4000)',
      '[4000,20000]',
    ]);
  });

  it('gives the share of a small bucket to the others', () => {
    const items = manyItems().filter((item) => item.bucket !== '[0,500)' || item.line <= 1);
    const picked = selectLongbenchItems({ items, limit: 10 });
    expect(picked.filter((item) => item.bucket === '[0,500)')).toHaveLength(1);
    expect(picked).toHaveLength(10);
  });
});
