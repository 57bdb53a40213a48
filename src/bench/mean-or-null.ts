/** The mean of `values`, or null for none (an empty group has no score, not a score of 0). Pure. */
export function meanOrNull(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}
