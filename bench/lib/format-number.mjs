/** A whole number with thousands separators: 33571 → "33,571". */
export function formatCount(value) {
  return value === undefined ? '—' : Math.round(value).toLocaleString('en-US');
}

/** A share as a percentage: 0.3812 → "38.1%". */
export function formatShare(value, digits = 1) {
  return value === undefined ? '—' : `${(value * 100).toFixed(digits)}%`;
}
