import { z } from 'zod';
import type { UsageTotals } from '../model/usage-meter.js';

/**
 * The stages of a write run whose model calls are counted apart in run.json. `candidates`: the
 * drafts best of N adds to drafting (every candidate after the first), so `drafting` stays what
 * a run that drafts once spends.
 */
export const runStages = [
  'planning',
  'critique',
  'drafting',
  'candidates',
  'seams',
  'review',
  'rewrite',
] as const;
export type RunStage = (typeof runStages)[number];

/** What one stage's calls used, summed over every session of the run. */
export const StageTotalsSchema = z.object({
  inputTokens: z.number(),
  outputTokens: z.number(),
  cachedInputTokens: z.number(),
  calls: z.number(),
});

/** One stage's totals. */
export type StageTotals = z.infer<typeof StageTotalsSchema>;

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

/** `amount` moved from one stage's totals to another's (the part of a stage counted apart). Pure. */
export function moveStageUsage({
  usage,
  from,
  to,
  amount,
}: {
  usage: StageUsage;
  from: RunStage;
  to: RunStage;
  amount: StageTotals;
}): StageUsage {
  const zero = { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, calls: 0 };
  const shift = (totals = zero, sign: 1 | -1) => ({
    inputTokens: totals.inputTokens + sign * amount.inputTokens,
    outputTokens: totals.outputTokens + sign * amount.outputTokens,
    cachedInputTokens: totals.cachedInputTokens + sign * amount.cachedInputTokens,
    calls: totals.calls + sign * amount.calls,
  });
  return { ...usage, [from]: shift(usage[from], -1), [to]: shift(usage[to], 1) };
}

/** A running count of calls made inside a stage but counted apart from it. */
export function stageTally(): {
  totals: StageTotals;
  add: (
    usage: { inputTokens: number; outputTokens: number; cachedInputTokens: number },
    calls: number,
  ) => void;
} {
  const totals = { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, calls: 0 };
  return {
    totals,
    add(usage, calls) {
      totals.inputTokens += usage.inputTokens;
      totals.outputTokens += usage.outputTokens;
      totals.cachedInputTokens += usage.cachedInputTokens;
      totals.calls += calls;
    },
  };
}
