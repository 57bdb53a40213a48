import { z } from 'zod';
import { parseModelSpec } from '../../model/model-spec.js';
import { estimateCost, findPrice } from '../../model/price-table.js';
import type { RunInfo } from '../../store/run-info-schema.js';
import { type RunStage, runStages } from '../../store/stage-usage.js';
import { runPrices } from '../run-prices.js';

/** One stage's tokens, calls and estimated cost, for `quire inspect`. */
export interface StageCost {
  stage: RunStage;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  calls: number;
  /** US dollars; undefined when the price of the stage's model is unknown. */
  costUsd: number | undefined;
}

const StageSpecsSchema = z.object({
  planner: z.string().optional(),
  writer: z.string().optional(),
  reviewer: z.string().optional(),
});

/** Which configured stage model (`stages.*`) makes each stage's calls. */
const stageModelKey: Record<RunStage, 'planner' | 'writer' | 'reviewer'> = {
  planning: 'planner',
  critique: 'planner',
  drafting: 'writer',
  candidates: 'writer',
  seams: 'reviewer',
  review: 'reviewer',
  rewrite: 'reviewer',
};

/**
 * The tokens and calls per stage kept in run.json, in stage order, each priced at its own
 * model's price (the run's prices config, then the built-in table). Empty for a run that kept
 * no stages. Pure.
 */
export function stageCosts({ info }: { info: RunInfo }): StageCost[] {
  const prices = runPrices({ info });
  const parsedSpecs = StageSpecsSchema.safeParse(info.config.stages ?? {});
  const specs = parsedSpecs.success ? parsedSpecs.data : {};
  return runStages.flatMap((stage): StageCost[] => {
    const totals = info.stages?.[stage];
    if (totals === undefined) return [];
    const modelId = stageModelId({
      spec: specs[stageModelKey[stage]],
      runModelId: info.model.modelId,
    });
    const price = modelId === undefined ? undefined : findPrice({ modelId, prices });
    const usage = { ...totals, reasoningTokens: 0 };
    return [{ stage, ...totals, costUsd: price && estimateCost({ usage, price }) }];
  });
}

/** The model id a stage spec names; the run's own without one; undefined when it has none. */
function stageModelId({
  spec,
  runModelId,
}: {
  spec: string | undefined;
  runModelId: string;
}): string | undefined {
  if (spec === undefined) return runModelId;
  try {
    const parsed = parseModelSpec(spec);
    if (parsed.provider === 'sim') return 'sim';
    return parsed.provider === 'gguf' ? undefined : parsed.modelId;
  } catch {
    // A spec that no longer parses cannot be priced; its tokens are still shown.
    return undefined;
  }
}
