import type { ModelPrice } from '../config/config-schema.js';
import type { CallUsage } from './usage-meter.js';

/**
 * Built-in prices in US dollars per million tokens (OpenAI list prices; check yours). The
 * `prices` config key adds to and overrides this table. Local and simulated models cost nothing.
 */
export const builtInPrices: Record<string, ModelPrice> = {
  'gpt-4o': { input: 2.5, output: 10, cachedInput: 1.25 },
  'gpt-4o-mini': { input: 0.15, output: 0.6, cachedInput: 0.075 },
  'gpt-4.1': { input: 2, output: 8, cachedInput: 0.5 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6, cachedInput: 0.1 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4, cachedInput: 0.025 },
  sim: { input: 0, output: 0, cachedInput: 0 },
};

/** The price of a model, or undefined when neither the config nor the built-in table has it. */
export function findPrice({
  modelId,
  prices = {},
}: {
  modelId: string;
  prices?: Record<string, ModelPrice>;
}): ModelPrice | undefined {
  return prices[modelId] ?? builtInPrices[modelId];
}

/**
 * Estimated cost in US dollars. Cached input tokens are billed at the cached price; reasoning
 * tokens are part of the output tokens, billed as output as providers do. Pure.
 */
export function estimateCost({ usage, price }: { usage: CallUsage; price: ModelPrice }): number {
  const cached = Math.min(usage.cachedInputTokens, usage.inputTokens);
  const fresh = usage.inputTokens - cached;
  const dollars =
    fresh * price.input +
    cached * (price.cachedInput ?? price.input) +
    usage.outputTokens * price.output;
  return dollars / 1_000_000;
}
