/** How much work a write run puts into its document beyond drafting it. */
export const qualityLevels = ['fast', 'standard', 'best'] as const;
export type QualityLevel = (typeof qualityLevels)[number];

/** What a quality level turns on. One row per level; a new loop adds its own column. */
export interface QualitySettings {
  /** Rounds of whole-document review and rewrite of the flagged sections; 0 for none. */
  reviewRounds: number;
  /** Who keeps the fact ledger: one structured call per section, or reading by rule. */
  ledger: 'model' | 'rule';
  /** Rounds of plan critique and revision before any prose; 0 for none. */
  critiqueRounds: number;
}

/**
 * The levels, in one place. `fast` is the single pass: plan, then each section drafted and
 * checked. `standard` adds the whole-document review: two rounds, because the first round's
 * rewrites are rechecked only against their neighbours, and a second reading of the whole
 * document catches what they missed or brought. `best` allows a third. Above `fast`, the model
 * keeps the ledger, since the review checks the document against it; `fast` reads it by rule and
 * makes one call per section. The plan critique costs little (about three short calls a round, one
 * when the plan is sound) and fixes the structure every section is written from, so `standard`
 * has one round and `best` two, the second to catch what the first revision brought; `fast`
 * writes from the plan as made.
 */
export const qualityTable: Record<QualityLevel, QualitySettings> = {
  fast: { reviewRounds: 0, ledger: 'rule', critiqueRounds: 0 },
  standard: { reviewRounds: 2, ledger: 'model', critiqueRounds: 1 },
  best: { reviewRounds: 3, ledger: 'model', critiqueRounds: 2 },
};

/**
 * A level's settings, with the review rounds (`review.rounds`), the ledger keeper
 * (`write.ledger`) and the critique rounds (`plan.critiqueRounds`) set by config when they
 * are. Pure.
 */
export function qualitySettings({
  level,
  reviewRounds,
  ledger,
  critiqueRounds,
}: {
  level: QualityLevel;
  reviewRounds?: number | undefined;
  ledger?: QualitySettings['ledger'] | undefined;
  critiqueRounds?: number | undefined;
}): QualitySettings {
  const row = qualityTable[level];
  return {
    reviewRounds: reviewRounds ?? row.reviewRounds,
    ledger: ledger ?? row.ledger,
    critiqueRounds: critiqueRounds ?? row.critiqueRounds,
  };
}
