import { describe, expect, it } from 'vitest';
import { decimalDigits } from '../../../src/evaluators/constraints/decimal-digits.js';

describe('decimalDigits', () => {
  it.each([
    ['17', 17],
    ['90', 90],
    ['１７', 17],
    ['١٧', 17],
    ['०९', 9],
    // Mathematical digits run in five contiguous blocks of ten: bold, then double-struck.
    ['𝟗𝟙𝟚', 912],
  ])('reads "%s" as %i, as Python’s int() does', (digits, value) => {
    expect(decimalDigits(digits)).toBe(value);
  });
});
