import type { ModelPrice } from '../config/config-schema.js';
import type { CallUsage } from './usage-meter.js';

/**
 * Built-in prices in US dollars per million tokens (the providers' list prices for prompts
 * under 200K tokens, without batch discounts; check yours). The `prices` config key adds to and
 * overrides this table. The simulated model costs nothing.
 */
export const builtInPrices: Record<string, ModelPrice> = {
  'gpt-4o': { input: 2.5, output: 10, cachedInput: 1.25 },
  'gpt-4o-mini': { input: 0.15, output: 0.6, cachedInput: 0.075 },
  'gpt-4.1': { input: 2, output: 8, cachedInput: 0.5 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6, cachedInput: 0.1 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4, cachedInput: 0.025 },
  // Anthropic: cached input is the price of a cache read.
  'claude-opus-4-5': { input: 5, output: 25, cachedInput: 0.5 },
  'claude-opus-4-1': { input: 15, output: 75, cachedInput: 1.5 },
  'claude-opus-4-0': { input: 15, output: 75, cachedInput: 1.5 },
  'claude-sonnet-4-5': { input: 3, output: 15, cachedInput: 0.3 },
  'claude-sonnet-4-0': { input: 3, output: 15, cachedInput: 0.3 },
  'claude-3-7-sonnet-latest': { input: 3, output: 15, cachedInput: 0.3 },
  'claude-haiku-4-5': { input: 1, output: 5, cachedInput: 0.1 },
  'claude-3-5-haiku-latest': { input: 0.8, output: 4, cachedInput: 0.08 },
  // Google Gemini.
  'gemini-2.5-pro': { input: 1.25, output: 10, cachedInput: 0.125 },
  'gemini-2.5-flash': { input: 0.3, output: 2.5, cachedInput: 0.03 },
  'gemini-2.5-flash-lite': { input: 0.1, output: 0.4, cachedInput: 0.01 },
  'gemini-2.0-flash': { input: 0.1, output: 0.4, cachedInput: 0.025 },
  sim: { input: 0, output: 0, cachedInput: 0 },
};

/**
 * The price of a model, or undefined when neither the config nor the built-in table has it. A
 * dated snapshot (`claude-sonnet-4-5-20250929`) or an alias (`claude-sonnet-4` for
 * `claude-sonnet-4-0`) costs what its model costs.
 */
export function findPrice({
  modelId,
  prices = {},
}: {
  modelId: string;
  prices?: Record<string, ModelPrice>;
}): ModelPrice | undefined {
  for (const id of [modelId, modelId.replace(/-\d{8}$/, '')]) {
    const price = prices[id] ?? builtInPrices[id] ?? builtInPrices[`${id}-0`];
    if (price) return price;
  }
  return undefined;
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
