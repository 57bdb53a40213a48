import { limits } from '../../config/limits.js';
import { formatCount } from '../../util/format-count.js';

/**
 * A length field's value as a number of words: a positive whole number, written as a number,
 * a 64-bit integer (Parquet) or digits (CSV). Missing, null or blank is no length; anything else
 * is a problem to report. Pure.
 */
export function readLengthField({
  value,
  field,
}: {
  value: unknown;
  field: string;
}): { length?: number } | { problem: string } {
  if (value === undefined || value === null || value === '') return {};
  const length =
    typeof value === 'bigint'
      ? Number(value)
      : typeof value === 'string' && /^\s*\d+\s*$/.test(value)
        ? Number(value)
        : value;
  if (typeof length === 'number' && Number.isSafeInteger(length) && length > 0) {
    if (length > limits.words) {
      return {
        problem: `"${field}" must be at most ${formatCount(limits.words)} words`,
      };
    }
    return { length };
  }
  const shown = typeof value === 'string' ? `"${value.slice(0, 20)}"` : String(value);
  return { problem: `"${field}" must be a positive whole number of words, not ${shown}` };
}
