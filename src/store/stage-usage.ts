import { z } from 'zod';
import type { UsageTotals } from '../model/usage-meter.js';

/** The stages of a write run whose model calls are counted apart in run.json. */
export const runStages = ['planning', 'critique', 'drafting', 'review', 'rewrite'] as const;
export type RunStage = (typeof runStages)[number];

/** What one stage's calls used, summed over every session of the run. */
export const StageTotalsSchema = z.object({
  inputTokens: z.number(),
  outputTokens: z.number(),
  cachedInputTokens: z.number(),
  calls: z.number(),
});

/** Usage per stage, as kept in run.json (`stages`). */
export const StageUsageSchema = z.partialRecord(z.enum(runStages), StageTotalsSchema);
export type StageUsage = z.infer<typeof StageUsageSchema>;

/**
 * `usage` with what the meter counted between `before` and `after` added to `stage`: a stage's
 * calls run one after another, so the meter's difference is exactly theirs, retries included.
 * Pure.
 */
export function addStageUsage({
  usage,
  stage,
  before,
  after,
}: {
  usage: StageUsage;
  stage: RunStage;
  before: UsageTotals;
  after: UsageTotals;
}): StageUsage {
  const previous = usage[stage] ?? {
    inputTokens: 0,
    outputTokens: 0,
    cachedInputTokens: 0,
    calls: 0,
  };
  return {
    ...usage,
    [stage]: {
      inputTokens: previous.inputTokens + after.inputTokens - before.inputTokens,
      outputTokens: previous.outputTokens + after.outputTokens - before.outputTokens,
      cachedInputTokens:
        previous.cachedInputTokens + after.cachedInputTokens - before.cachedInputTokens,
      calls: previous.calls + after.calls - before.calls,
    },
  };
}
