import { InvalidOptionError } from '../errors/invalid-option-error.js';

/**
 * LongBench-Write's length score S_l (0–100) of a text of `produced` words asked to be
 * `required` words long. Overshooting is forgiven three times more slowly than falling short:
 * - produced > required: 100 · max(0, 1 − (produced/required − 1) / 3)
 * - produced ≤ required: 100 · max(0, 1 − (required/produced − 1) / 2)
 * - produced = 0: 0
 *
 * So half the length scores 50, 0.8× scores 87.5, 1.5× 83.3, 2× 66.7 and 4× 0. Pure; throws
 * `InvalidOptionError` when `required` is not a positive number or `produced` is negative.
 */
export function lengthScore({
  required,
  produced,
}: {
  required: number;
  produced: number;
}): number {
  if (!Number.isFinite(required) || required <= 0) {
    throw new InvalidOptionError({
      option: 'required',
      expected: 'a positive number',
      received: required,
    });
  }
  if (!Number.isFinite(produced) || produced < 0) {
    throw new InvalidOptionError({
      option: 'produced',
      expected: 'a number of words, zero or more',
      received: produced,
    });
  }
  if (produced === 0) return 0;
  if (produced > required) return 100 * Math.max(0, 1 - (produced / required - 1) / 3);
  return 100 * Math.max(0, 1 - (required / produced - 1) / 2);
}
