import { spreadOverGroups } from '../spread-over-groups.js';
import type { HellobenchItem } from './hellobench-item.js';

/**
 * Picks `limit` items spread over the groups (lengths, or task types), deterministically: the
 * limit is dealt out evenly over the groups, and inside a group the tasks are taken at even
 * spacing through the file, so the length-constrained set asks the same tasks at every length
 * and a small sample still spans the categories. Without a limit (or one at least the number
 * of items) every item is kept. Returns them group by group, in file order. Pure.
 */
export function selectHellobenchItems({
  items,
  limit,
}: {
  items: readonly HellobenchItem[];
  limit?: number;
}): HellobenchItem[] {
  if (limit === undefined || limit >= items.length) return [...items];
  const groups = [...new Set(items.map((item) => item.group))].map((group) =>
    items.filter((item) => item.group === group),
  );
  return spreadOverGroups({ groups, limit });
}
