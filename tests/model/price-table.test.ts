import { describe, expect, it } from 'vitest';
import { builtInPrices, estimateCost, findPrice } from '../../src/model/price-table.js';

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

  it('gives every built-in model a full price: input, output and a cache read no dearer than input', () => {
    const entries = Object.entries(builtInPrices);
    expect(entries.length).toBeGreaterThan(10);
    for (const [id, price] of entries) {
      const { input, output, cachedInput } = price;
      expect([input, output, cachedInput].every(Number.isFinite), id).toBe(true);
      expect(cachedInput!, id).toBeLessThanOrEqual(input);
      expect(output, id).toBeGreaterThanOrEqual(input);
    }
    expect(builtInPrices.sim).toEqual({ input: 0, output: 0, cachedInput: 0 });
  });

  it('drops only a date at the end of the id, not digits inside it', () => {
    expect(findPrice({ modelId: 'gpt-4o-20240806-mini' })).toBeUndefined();
    expect(findPrice({ modelId: 'gpt-4o-20240806' })).toEqual(builtInPrices['gpt-4o']);
  });

  it('lets the configured prices win', () => {
    const mine = { input: 1, output: 2 };
    expect(findPrice({ modelId: 'claude-sonnet-4-5', prices: { 'claude-sonnet-4-5': mine } })).toBe(
      mine,
    );
  });
});

describe('estimateCost', () => {
  const price = { input: 2, output: 8, cachedInput: 0.5 };

  it('bills fresh input, cache reads and output each at its price per million tokens', () => {
    const usage = {
      inputTokens: 3_000_000,
      cachedInputTokens: 1_000_000,
      outputTokens: 500_000,
      reasoningTokens: 0,
    };
    // 2M fresh × $2 + 1M cached × $0.5 + 0.5M output × $8.
    expect(estimateCost({ usage, price })).toBeCloseTo(4 + 0.5 + 4, 10);
  });

  it('bills cache reads as input when the model has no cached price', () => {
    const usage = {
      inputTokens: 1_000_000,
      cachedInputTokens: 1_000_000,
      outputTokens: 0,
      reasoningTokens: 0,
    };
    expect(estimateCost({ usage, price: { input: 2, output: 8 } })).toBeCloseTo(2, 10);
  });

  it('never counts more cached tokens than the prompt held', () => {
    const usage = {
      inputTokens: 1_000_000,
      cachedInputTokens: 5_000_000,
      outputTokens: 0,
      reasoningTokens: 0,
    };
    expect(estimateCost({ usage, price })).toBeCloseTo(0.5, 10);
  });
});
