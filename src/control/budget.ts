import type { Config, ModelPrice } from '../config/config-schema.js';
import { ConfigError } from '../errors/config-error.js';
import { estimateCost, findPrice } from '../model/price-table.js';
import type { UsageTotals } from '../model/usage-meter.js';
import type { StageModels } from './stage-models.js';

/** Limits on what a run may spend. */
export interface RunBudget {
  maxTokens?: number;
  maxCostUsd?: number;
  /** Needed for `maxCostUsd` and for cost estimates. */
  price?: ModelPrice;
}

/** The estimated cost of the usage so far, when the price is known. Pure. */
export function costOf({
  totals,
  budget,
}: {
  totals: UsageTotals;
  budget: RunBudget;
}): number | undefined {
  return budget.price ? estimateCost({ usage: totals, price: budget.price }) : undefined;
}

/**
 * Why the run must stop before its next step, or undefined to go on. `reservedTokens` are held
 * by steps in flight (see `sectionReservation`) and count as spent, priced as output (the dearer
 * kind), so concurrent steps cannot overspend together. Pure.
 */
export function budgetStop({
  totals,
  budget,
  reservedTokens = 0,
}: {
  totals: UsageTotals;
  budget: RunBudget;
  reservedTokens?: number;
}): string | undefined {
  const spent = totals.inputTokens + totals.outputTokens;
  const tokens = spent + reservedTokens;
  const held = reservedTokens > 0 ? ` spent or held by sections in flight` : ' spent';
  // Stryker disable next-line ConditionalExpression: a number compared with undefined is false, so the guard only narrows the type
  if (budget.maxTokens !== undefined && tokens >= budget.maxTokens) {
    return `the token budget is${held} (${tokens} of ${budget.maxTokens} tokens)`;
  }
  const withHeld = { ...totals, outputTokens: totals.outputTokens + reservedTokens };
  const cost = costOf({ totals: withHeld, budget });
  // Stryker disable next-line ConditionalExpression,LogicalOperator: comparing with undefined is false, so the guards only narrow the types
  if (budget.maxCostUsd !== undefined && cost !== undefined && cost >= budget.maxCostUsd) {
    return `the cost budget is${held} ($${cost.toFixed(4)} of $${budget.maxCostUsd})`;
  }
  return undefined;
}

/**
 * The run's budget from the configuration. A cost limit needs a known price for every model of
 * the run. With other models for some stages, the usage is priced at the dearest of them (the
 * meter keeps one total): an upper bound, so `--max-cost` is never overspent.
 */
export function runBudget({
  config,
  modelId,
  stages = {},
}: {
  config: Config;
  modelId: string;
  stages?: StageModels;
}): RunBudget {
  const ids = [modelId, ...Object.values(stages).map((stage) => stage.modelId)];
  const prices: ModelPrice[] = [];
  for (const id of ids) {
    const price = findPrice({ modelId: id, prices: config.prices });
    if (price !== undefined) prices.push(price);
    else if (config.maxCost !== undefined) {
      throw new ConfigError({
        message: `--max-cost needs the price of ${id}: add "prices": {"${id}": {"input": …, "output": …}} (US dollars per million tokens) to quire.config.json.`,
        key: 'prices',
      });
    }
  }
  const price = prices.length < ids.length ? undefined : dearest(prices);
  return { maxTokens: config.maxTokens, maxCostUsd: config.maxCost, price };
}

/** The price that is highest on every count, from several. Pure. */
function dearest(prices: ModelPrice[]): ModelPrice | undefined {
  if (prices.length <= 1) return prices[0];
  const most = (read: (price: ModelPrice) => number) => Math.max(...prices.map(read));
  return {
    input: most((price) => price.input),
    output: most((price) => price.output),
    cachedInput: most((price) => price.cachedInput ?? price.input),
  };
}
