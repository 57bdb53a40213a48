import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../src/config/config-schema.js';
import { createRunInfo } from '../../src/control/run-info.js';
import { runPrices } from '../../src/control/run-prices.js';
import { createTask } from '../helpers/builders.js';
import { promptModel } from '../helpers/prompt-model.js';

/** A run whose stored config holds `prices` as given (possibly damaged). */
function runWithPrices(prices: unknown) {
  const info = createRunInfo({
    task: createTask(),
    config: ConfigSchema.parse({}),
    model: {
      model: promptModel(() => ({ text: '' })),
      spec: 'sim',
      modelId: 'sim',
      simulated: true,
    },
    now: 0,
  });
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
