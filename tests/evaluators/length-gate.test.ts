import { describe, expect, it } from 'vitest';
import { checkLengthGate, defaultLengthGate } from '../../src/evaluators/length-gate.js';

describe('checkLengthGate', () => {
  it('passes 0.9× to 1.2× of the target by default, edges included', () => {
    expect(defaultLengthGate).toEqual({ floor: 0.9, ceiling: 1.2 });
    expect(checkLengthGate({ produced: 9_000, required: 10_000 }).status).toBe('within');
    expect(checkLengthGate({ produced: 12_000, required: 10_000 }).status).toBe('within');
    expect(checkLengthGate({ produced: 8_999, required: 10_000 }).status).toBe('short');
    expect(checkLengthGate({ produced: 12_001, required: 10_000 }).status).toBe('long');
  });

  it('reports the ratio and the word limits of the band', () => {
    expect(checkLengthGate({ produced: 450, required: 1_000 })).toEqual({
      status: 'short',
      ratio: 0.45,
      floorWords: 900,
      ceilingWords: 1_200,
    });
  });

  it('takes another band', () => {
    const gate = { floor: 0.5, ceiling: 2 };
    expect(checkLengthGate({ produced: 600, required: 1_000, gate }).status).toBe('within');
    expect(checkLengthGate({ produced: 2_100, required: 1_000, gate }).status).toBe('long');
  });

  it('puts the band edges on whole words despite rounding in the product', () => {
    // 100 × 0.55 is 55.00000000000001 and 100 × 1.15 is 114.99999999999999 in binary floating point.
    expect(
      checkLengthGate({ produced: 55, required: 100, gate: { floor: 0.55, ceiling: 1.15 } }),
    ).toEqual({ status: 'within', ratio: 0.55, floorWords: 55, ceilingWords: 115 });
    expect(
      checkLengthGate({ produced: 115, required: 100, gate: { floor: 0.55, ceiling: 1.15 } })
        .status,
    ).toBe('within');
  });

  it('gives a ratio of 0 when nothing is required', () => {
    expect(checkLengthGate({ produced: 10, required: 0 }).ratio).toBe(0);
  });

  it('calls an empty document short', () => {
    expect(checkLengthGate({ produced: 0, required: 2_000 }).status).toBe('short');
  });
});
