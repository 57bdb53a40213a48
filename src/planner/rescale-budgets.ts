/**
 * Scales weights to whole budgets that sum exactly to `total` (largest-remainder rounding), each
 * at least 1 when the total allows. Pure.
 */
export function rescaleBudgets({ weights, total }: { weights: number[]; total: number }): number[] {
  if (weights.length === 0) return [];
  const safe = weights.map((weight) => (Number.isFinite(weight) && weight > 0 ? weight : 0));
  const sum = safe.reduce((left, right) => left + right, 0);
  const shares = sum > 0 ? safe.map((weight) => weight / sum) : safe.map(() => 1 / safe.length);
  const exact = shares.map((share) => share * total);
  const budgets = exact.map((value) => Math.floor(value));
  let remainder = total - budgets.reduce((left, right) => left + right, 0);
  const order = exact
    .map((value, index) => ({ index, fraction: value - Math.floor(value) }))
    .sort((left, right) => right.fraction - left.fraction || left.index - right.index);
  for (let step = 0; remainder > 0; step++, remainder--) {
    const target = order[step % order.length]!.index;
    budgets[target] = budgets[target]! + 1;
  }
  // Lift zero budgets to 1 by taking from the largest, so every section has something to write.
  for (let index = 0; index < budgets.length && total >= budgets.length; index++) {
    if (budgets[index] === 0) {
      const largest = budgets.indexOf(Math.max(...budgets));
      budgets[largest] = budgets[largest]! - 1;
      budgets[index] = 1;
    }
  }
  return budgets;
}
