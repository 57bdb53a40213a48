import { describe, expect, it } from 'vitest';
import { runPrices } from '../../src/control/run-prices.js';
import { createInfo } from '../helpers/builders.js';

/** A run whose stored config holds `prices` as given (possibly damaged). */
function runWithPrices(prices: unknown) {
  const info = createInfo();
  return { ...info, config: { ...info.config, prices } };
}

describe('runPrices', () => {
  it('reads the prices the run was written with', () => {
    const prices = {
      'my-model': { input: 1, output: 2, cachedInput: 0.5 },
      other: { input: 3, output: 4 },
    };
    expect(runPrices({ info: runWithPrices(prices) })).toEqual(prices);
  });

  it('is empty when the run had no prices, or they no longer parse', () => {
    expect(runPrices({ info: runWithPrices(undefined) })).toEqual({});
    expect(runPrices({ info: runWithPrices({ 'my-model': { input: 'cheap' } }) })).toEqual({});
  });
});
