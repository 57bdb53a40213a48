/**
 * Makes item ids unique in file order: the first of equal ids keeps it, later ones get `-2`,
 * `-3`, … (a file may hold the same prompt twice). Deterministic, so a re-run finds the same
 * ids. Pure.
 */
export function uniqueItemIds(ids: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return ids.map((id) => {
    const count = (seen.get(id) ?? 0) + 1;
    seen.set(id, count);
    return count === 1 ? id : `${id}-${count}`;
  });
}
