/** Output tokens one reply may use: about twice the budget, for headroom and the notes. */
export function outputAllowance(words: number): number {
  return Math.min(16_000, Math.ceil(words * 2.5) + 300);
}
