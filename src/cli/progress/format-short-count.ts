import { formatCount } from '../../util/format-count.js';

/** A count short enough for a progress line: "52k" for 52,310, "1.2M" for 1,234,567. Pure. */
export function formatShortCount(value: number): string {
  // 999,600 rounds to a thousand thousands: shown as a million.
  if (value >= 999_500) return `${(value / 1_000_000).toFixed(1)}M`;
  if (value >= 10_000) return `${Math.round(value / 1_000)}k`;
  return formatCount(value);
}
