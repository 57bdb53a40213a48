const unitMilliseconds: Record<string, number> = { ms: 1, s: 1_000, m: 60_000 };

/**
 * Reads a duration: `300ms`, `2s`, `1.5s`, `1m`, or a bare number of milliseconds (`300` or 300).
 * Returns milliseconds, or undefined when the value is not a non-negative duration. Pure.
 */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(ms|s|m)?\s*$/i.exec(value);
  if (!match?.[1]) return undefined;
  const unit = (match[2] ?? 'ms').toLowerCase();
  return Number.parseFloat(match[1]) * (unitMilliseconds[unit] ?? 1);
}
