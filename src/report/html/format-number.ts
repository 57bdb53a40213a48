/** A number for people: grouped thousands, at most `digits` decimals; `—` for null. Pure. */
export function formatNumber(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return value.toLocaleString('en-US', { maximumFractionDigits: digits });
}

/** A ratio 0–1 as a percentage with one decimal; `—` for null. Pure. */
export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)}%`;
}
