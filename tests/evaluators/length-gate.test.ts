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

  it('calls an empty document short', () => {
    expect(checkLengthGate({ produced: 0, required: 2_000 }).status).toBe('short');
  });
});
