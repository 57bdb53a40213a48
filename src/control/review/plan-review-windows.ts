/** A run of consecutive sections the reviewer reads in one call: `[first, last]`, 0-based. */
export interface ReviewWindow {
  first: number;
  last: number;
}

/**
 * Divides a document into windows of consecutive sections that each fit `budgetTokens`, every
 * window after the first starting with the last section of the one before, so a defect between
 * neighbours (a transition, a repeated paragraph) is always seen whole. One window holding
 * everything when it fits or when no budget is known. A section larger than the budget gets a
 * window of its own. Pure.
 */
export function planReviewWindows({
  sectionTokens,
  budgetTokens,
}: {
  sectionTokens: readonly number[];
  /** Tokens of section text one call can hold; undefined when the window is unknown. */
  budgetTokens: number | undefined;
}): ReviewWindow[] {
  const count = sectionTokens.length;
  if (count === 0) return [];
  const total = sectionTokens.reduce((sum, tokens) => sum + tokens, 0);
  if (budgetTokens === undefined || total <= budgetTokens) return [{ first: 0, last: count - 1 }];
  const windows: ReviewWindow[] = [];
  let first = 0;
  while (first < count) {
    let last = first;
    let used = sectionTokens[first]!;
    while (last + 1 < count && used + sectionTokens[last + 1]! <= budgetTokens) {
      last += 1;
      used += sectionTokens[last]!;
    }
    windows.push({ first, last });
    if (last === count - 1) break;
    // Overlap by one section, unless the window holds a single one (then there is no room).
    first = last > first ? last : last + 1;
  }
  return windows;
}
