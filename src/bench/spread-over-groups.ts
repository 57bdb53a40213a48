/**
 * Picks `limit` items spread over `groups`, deterministically: the limit is dealt out one at a
 * time, round-robin, over the groups that still have items, and inside a group the items are
 * taken at even spacing (the middle of each of `quota` equal stretches), so a small sample still
 * reaches every group and every part of each. Returns the picks group by group, each group's in
 * its given order. Pure.
 */
export function spreadOverGroups<T>({
  groups,
  limit,
}: {
  groups: ReadonlyArray<readonly T[]>;
  limit: number;
}): T[] {
  const quotas = shareOut({ total: limit, capacities: groups.map((group) => group.length) });
  return groups.flatMap((group, index) =>
    evenlySpaced({ items: group, count: quotas[index] ?? 0 }),
  );
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
