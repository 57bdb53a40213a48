import { formatCount } from '../../util/format-count.js';
/** A token count as messages show it: `2,048`. Pure. */
export function formatTokens(value: number | undefined): string {
  return value === undefined ? 'an unknown number of' : formatCount(value);
}
