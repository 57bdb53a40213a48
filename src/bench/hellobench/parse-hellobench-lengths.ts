import { UsageError } from '../../errors/usage-error.js';
import { type HellobenchLength, hellobenchLengths } from './hellobench-subset.js';

/**
 * Reads `--lengths`, e.g. `2k,8k`: the lengths named, in HelloBench's order, each once. Throws
 * `UsageError` for an empty list or a length the set does not have. Pure.
 */
export function parseHellobenchLengths(text: string): HellobenchLength[] {
  const named = text
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part !== '');
  const unknown = named.filter((part) => !(hellobenchLengths as readonly string[]).includes(part));
  if (named.length === 0 || unknown.length > 0) {
    throw new UsageError(
      `--lengths takes some of ${hellobenchLengths.join(', ')} separated by commas, got "${text}".`,
    );
  }
  return hellobenchLengths.filter((length) => named.includes(length));
}
