import { runPrices } from '../../control/run-prices.js';
import { estimateCost, findPrice } from '../../model/price-table.js';
import { addUsage, type CallUsage, emptyUsage } from '../../model/usage-meter.js';
import type { RunInfo } from '../../store/run-info-schema.js';
import type { JournalRecords } from './journal-records.js';

/** Tokens and estimated cost of one stage of a run. */
export interface StageUsage {
  stage: string;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  /** US dollars; null when the model's price is unknown. */
  costUsd: number | null;
}

/**
 * Splits a run's usage by stage: the sections' first drafts and their repairs (when the journal
 * records each draft's usage; otherwise the sections together), and what is left of the run's
 * totals: planning and ledger calls. Costs use the run's prices (config, then the built-in
 * table); a model without a price gets tokens only. Pure.
 */
export function stageUsage({ info, records }: { info: RunInfo; records: JournalRecords }): {
  stages: StageUsage[];
  priced: boolean;
} {
  const price = findPrice({ modelId: info.model.modelId, prices: runPrices({ info }) });
  const steps = records.stepEnds.filter((end) => end.recovered !== true);
  const sectionsTotal = sum(steps.map((end) => end.usage));
  const everyDraftKnown =
    records.checkEnds.length > 0 && records.checkEnds.every((check) => check.usage !== undefined);
  const sectionStages: Array<[string, CallUsage]> = everyDraftKnown
    ? [
        ['first drafts', sum(draftUsages(records, (attempt) => attempt === 1))],
        ['repairs', sum(draftUsages(records, (attempt) => attempt > 1))],
      ]
    : [['sections', sectionsTotal]];
  const rest: CallUsage = {
    inputTokens: Math.max(0, info.usage.inputTokens - sectionsTotal.inputTokens),
    outputTokens: Math.max(0, info.usage.outputTokens - sectionsTotal.outputTokens),
    cachedInputTokens: Math.max(0, info.usage.cachedInputTokens - sectionsTotal.cachedInputTokens),
    reasoningTokens: Math.max(0, info.usage.reasoningTokens - sectionsTotal.reasoningTokens),
  };
  const stages = [['planning and ledger', rest] as [string, CallUsage], ...sectionStages].map(
    ([stage, usage]): StageUsage => ({
      stage,
      ...usage,
      costUsd: price === undefined ? null : estimateCost({ usage, price }),
    }),
  );
  return { stages, priced: price !== undefined };
}

function draftUsages(records: JournalRecords, keep: (attempt: number) => boolean): CallUsage[] {
  return records.checkEnds.flatMap((check) =>
    keep(check.attempt) && check.usage ? [check.usage] : [],
  );
}

function sum(usages: readonly CallUsage[]): CallUsage {
  return usages.reduce(addUsage, emptyUsage);
}
