import { lengthBuckets } from '../../evaluators/length-bucket.js';
import { spreadOverGroups } from '../spread-over-groups.js';
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
  const picked = spreadOverGroups({ groups, limit });
  return picked.sort((left, right) => left.line - right.line);
}
