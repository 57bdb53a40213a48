import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../src/config/config-schema.js';
import { budgetStop, costOf, runBudget } from '../../src/control/budget.js';
import { ConfigError } from '../../src/errors/config-error.js';
import { emptyTotals } from '../../src/model/usage-meter.js';
import { createResolvedModel } from '../helpers/run-session.js';

const totals = {
  ...emptyTotals,
  inputTokens: 800_000,
  outputTokens: 200_000,
  cachedInputTokens: 400_000,
};

describe('run budgets', () => {
  it('prices usage with the built-in table, cached input at its own price', () => {
    const budget = runBudget({ config: ConfigSchema.parse({}), modelId: 'gpt-4o-mini' });
    // 400k fresh × 0.15 + 400k cached × 0.075 + 200k out × 0.6, per million tokens
    expect(costOf({ totals, budget })).toBeCloseTo(0.06 + 0.03 + 0.12, 10);
  });

  it('stops at the token budget and at the cost budget, saying which', () => {
    const byTokens = runBudget({
      config: ConfigSchema.parse({ maxTokens: 1_000_000 }),
      modelId: 'sim',
    });
    expect(budgetStop({ totals, budget: byTokens })).toBe(
      'the token budget is spent (1000000 of 1000000 tokens)',
    );
    const byCost = runBudget({
      config: ConfigSchema.parse({ maxCost: 0.2 }),
      modelId: 'gpt-4o-mini',
    });
    expect(budgetStop({ totals, budget: byCost })).toMatch(
      /^the cost budget is spent \(\$0\.2100 of \$0\.2\)$/,
    );
    const roomy = runBudget({ config: ConfigSchema.parse({ maxCost: 5 }), modelId: 'gpt-4o-mini' });
    expect(budgetStop({ totals, budget: roomy })).toBeUndefined();
  });

  it('counts tokens held by steps in flight as spent, priced as output', () => {
    const byTokens = runBudget({
      config: ConfigSchema.parse({ maxTokens: 1_100_000 }),
      modelId: 'sim',
    });
    expect(budgetStop({ totals, budget: byTokens, reservedTokens: 99_999 })).toBeUndefined();
    expect(budgetStop({ totals, budget: byTokens, reservedTokens: 100_000 })).toBe(
      'the token budget is spent or held by sections in flight (1100000 of 1100000 tokens)',
    );
    const byCost = runBudget({
      config: ConfigSchema.parse({ maxCost: 0.27 }),
      modelId: 'gpt-4o-mini',
    });
    // 0.21 spent; 100k held output tokens at 0.6 per million add 0.06.
    expect(budgetStop({ totals, budget: byCost, reservedTokens: 100_000 })).toMatch(
      /^the cost budget is spent or held by sections in flight \(\$0\.2700 of \$0\.27\)$/,
    );
  });

  it('uses prices from the config, and refuses a cost limit without a known price', () => {
    const config = ConfigSchema.parse({
      maxCost: 1,
      prices: { 'my-model': { input: 1, output: 2 } },
    });
    expect(runBudget({ config, modelId: 'my-model' }).price).toEqual({ input: 1, output: 2 });
    const error = (() => {
      try {
        runBudget({ config: ConfigSchema.parse({ maxCost: 1 }), modelId: 'unknown-model' });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).key).toBe('prices');
    expect((error as Error).message).toContain('"prices": {"unknown-model"');
  });

  it('prices a run with other stage models at the dearest of them, on every count', () => {
    const config = ConfigSchema.parse({
      prices: {
        writer: { input: 1, output: 8, cachedInput: 0.5 },
        planner: { input: 3, output: 4 },
        reviewer: { input: 2, output: 6, cachedInput: 0.25 },
      },
    });
    const budget = runBudget({
      config,
      modelId: 'writer',
      stages: {
        planner: createResolvedModel('planner'),
        reviewer: createResolvedModel('reviewer'),
      },
    });
    // The planner has no cached price: its cached input costs its input price.
    expect(budget.price).toEqual({ input: 3, output: 8, cachedInput: 3 });
  });

  it('leaves the cost unknown when a stage model has no price and no cost limit is set', () => {
    const config = ConfigSchema.parse({
      maxTokens: 500,
      prices: { writer: { input: 1, output: 2 } },
    });
    const budget = runBudget({
      config,
      modelId: 'writer',
      stages: { planner: createResolvedModel('house') },
    });
    expect(budget).toEqual({ maxTokens: 500, maxCostUsd: undefined, price: undefined });
    expect(costOf({ totals, budget })).toBeUndefined();
    expect(() =>
      runBudget({
        config: ConfigSchema.parse({ maxCost: 1, prices: { writer: { input: 1, output: 2 } } }),
        modelId: 'writer',
        stages: { reviewer: createResolvedModel('house') },
      }),
    ).toThrow('--max-cost needs the price of house');
  });

  it('never stops on cost when the price is unknown, nor with no limits at all', () => {
    expect(budgetStop({ totals, budget: { maxCostUsd: 0.01 } })).toBeUndefined();
    expect(budgetStop({ totals, budget: {} })).toBeUndefined();
  });
});
