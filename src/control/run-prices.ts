import { z } from 'zod';
import type { ModelPrice } from '../config/config-schema.js';
import type { RunInfo } from '../store/run-info-schema.js';

const PricesSchema = z.record(
  z.string(),
  z.object({ input: z.number(), output: z.number(), cachedInput: z.number().optional() }),
);

/** The `prices` config a run was written with; empty when it had none or they no longer parse. */
export function runPrices({ info }: { info: RunInfo }): Record<string, ModelPrice> {
  const prices = PricesSchema.safeParse(info.config.prices);
  return prices.success ? (prices.data as Record<string, ModelPrice>) : {};
}
