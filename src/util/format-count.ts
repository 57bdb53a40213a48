/** A whole count as messages show it, with thousands separated: `12,000`. Pure. */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}
