import { lengthBuckets } from '../../evaluators/length-bucket.js';
import type { LongbenchItem } from './longbench-item.js';

/**
 * Picks `limit` items spread over the length buckets, deterministically: the limit is shared
 * out over the non-empty buckets as evenly as their sizes allow, and inside a bucket the items,
 * ordered by language and then by their place in the file, are taken at even spacing, so a
 * small sample still covers short and long targets, English and Chinese. Without a limit (or
 * one at least the number of items) every item is kept. Returns them in file order. Pure.
 */
export function selectLongbenchItems({
  items,
  limit,
}: {
  items: readonly LongbenchItem[];
  limit?: number;
}): LongbenchItem[] {
  if (limit === undefined || limit >= items.length) return [...items];
  const groups = lengthBuckets
    .map((bucket) =>
      items
        .filter((item) => item.bucket === bucket)
        .sort((left, right) => left.lang.localeCompare(right.lang) || left.line - right.line),
    )
    .filter((group) => group.length > 0);
  const quotas = shareOut({ total: limit, capacities: groups.map((group) => group.length) });
  const picked = groups.flatMap((group, index) =>
    evenlySpaced({ items: group, count: quotas[index] ?? 0 }),
  );
  return picked.sort((left, right) => left.line - right.line);
}

/** Deals `total` out one at a time over groups, round-robin, skipping full groups. */
function shareOut({ total, capacities }: { total: number; capacities: number[] }): number[] {
  const quotas = capacities.map(() => 0);
  let left = total;
  while (left > 0) {
    let dealt = false;
    for (let index = 0; index < capacities.length && left > 0; index++) {
      if ((quotas[index] ?? 0) < (capacities[index] ?? 0)) {
        quotas[index] = (quotas[index] ?? 0) + 1;
        left--;
        dealt = true;
      }
    }
    if (!dealt) break;
  }
  return quotas;
}

/** `count` items at even spacing: the middle of each of `count` equal stretches. */
function evenlySpaced<T>({ items, count }: { items: readonly T[]; count: number }): T[] {
  return Array.from(
    { length: count },
    (_, index) => items[Math.floor(((2 * index + 1) * items.length) / (2 * count))]!,
  );
}
