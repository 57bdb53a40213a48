import type { Config, ModelPrice } from '../config/config-schema.js';
import { ConfigError } from '../errors/config-error.js';
import { estimateCost, findPrice } from '../model/price-table.js';
import type { UsageTotals } from '../model/usage-meter.js';

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

/** Why the run must stop before its next step, or undefined to go on. Pure. */
export function budgetStop({
  totals,
  budget,
}: {
  totals: UsageTotals;
  budget: RunBudget;
}): string | undefined {
  const tokens = totals.inputTokens + totals.outputTokens;
  if (budget.maxTokens !== undefined && tokens >= budget.maxTokens) {
    return `the token budget is spent (${tokens} of ${budget.maxTokens} tokens)`;
  }
  const cost = costOf({ totals, budget });
  if (budget.maxCostUsd !== undefined && cost !== undefined && cost >= budget.maxCostUsd) {
    return `the cost budget is spent ($${cost.toFixed(4)} of $${budget.maxCostUsd})`;
  }
  return undefined;
}

/** The run's budget from the configuration. A cost limit needs a known price. */
export function runBudget({ config, modelId }: { config: Config; modelId: string }): RunBudget {
  const price = findPrice({ modelId, prices: config.prices });
  if (config.maxCost !== undefined && price === undefined) {
    throw new ConfigError({
      message: `--max-cost needs the price of ${modelId}: add "prices": {"${modelId}": {"input": …, "output": …}} (US dollars per million tokens) to quire.config.json.`,
      key: 'prices',
    });
  }
  return { maxTokens: config.maxTokens, maxCostUsd: config.maxCost, price };
}
