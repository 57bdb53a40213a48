import { describe, expect, it } from 'vitest';
import { builtInPrices, findPrice } from '../../src/model/price-table.js';

describe('findPrice', () => {
  it('knows the common models of each provider', () => {
    for (const id of ['gpt-4o-mini', 'claude-sonnet-4-5', 'claude-haiku-4-5', 'gemini-2.5-flash']) {
      expect(findPrice({ modelId: id }), id).toBeDefined();
    }
  });

  it('prices a dated snapshot or a short alias as its model', () => {
    const sonnet = builtInPrices['claude-sonnet-4-5'];
    expect(findPrice({ modelId: 'claude-sonnet-4-5-20250929' })).toEqual(sonnet);
    expect(findPrice({ modelId: 'claude-sonnet-4' })).toEqual(builtInPrices['claude-sonnet-4-0']);
    expect(findPrice({ modelId: 'llama3.1:8b' })).toBeUndefined();
  });

  it('lets the configured prices win', () => {
    const mine = { input: 1, output: 2 };
    expect(findPrice({ modelId: 'claude-sonnet-4-5', prices: { 'claude-sonnet-4-5': mine } })).toBe(
      mine,
    );
  });
});
