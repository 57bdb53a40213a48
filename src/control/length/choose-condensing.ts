/** One section to condense, and the words to ask for. */
export interface CondensePick {
  index: number;
  /** Words of the section now. */
  words: number;
  /** Words the condensing asks the section to hold. */
  asked: number;
}

/**
 * Which sections to condense, and how far, to bring a document that ends over the length
 * gate's ceiling back to its target. First the sections over their budget, furthest over
 * first, each down to its budget at most; then, if that is not enough, sections down towards
 * `keepShare` of their budget (so each still passes its own length check). Each is asked to
 * lose only what is still missing. Sections in `skip` (their condensing already failed) are
 * left alone. Empty when the document is not over `ceilingWords`. Pure.
 */
export function chooseCondensing({
  counts,
  budgets,
  target,
  ceilingWords,
  keepShare,
  skip = new Set(),
}: {
  /** Words of each section now, in plan order. */
  counts: number[];
  budgets: number[];
  target: number;
  ceilingWords: number;
  keepShare: number;
  skip?: ReadonlySet<number>;
}): CondensePick[] {
  const total = counts.reduce((sum, words) => sum + words, 0);
  if (total <= ceilingWords) return [];
  const asked = [...counts];
  const order = counts
    .map((words, index) => ({ index, over: words - budgets[index]! }))
    .filter((entry) => !skip.has(entry.index))
    .sort((left, right) => right.over - left.over);
  let missing = total - target;
  for (const share of [1, keepShare]) {
    for (const { index } of order) {
      if (missing <= 0) break;
      const least = Math.ceil(budgets[index]! * share);
      const next = Math.max(least, asked[index]! - missing);
      if (next >= asked[index]!) continue;
      missing -= asked[index]! - next;
      asked[index] = next;
    }
  }
  return counts.flatMap((words, index) =>
    asked[index]! < words ? [{ index, words, asked: asked[index]! }] : [],
  );
}
