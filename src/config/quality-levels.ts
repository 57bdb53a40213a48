/** How much work a write run puts into its document beyond drafting it. */
export const qualityLevels = ['fast', 'standard', 'best'] as const;
export type QualityLevel = (typeof qualityLevels)[number];

/** What a quality level turns on. One row per level; a new loop adds its own column. */
export interface QualitySettings {
  /** Rounds of whole-document review and rewrite of the flagged sections; 0 for none. */
  reviewRounds: number;
}

/**
 * The levels, in one place. `fast` is the single pass: plan, then each section drafted and
 * checked. `standard` adds the whole-document review: two rounds, because the first round's
 * rewrites are rechecked only against their neighbours, and a second reading of the whole
 * document catches what they missed or brought. `best` allows a third.
 */
export const qualityTable: Record<QualityLevel, QualitySettings> = {
  fast: { reviewRounds: 0 },
  standard: { reviewRounds: 2 },
  best: { reviewRounds: 3 },
};

/** A level's settings, with the review rounds set by config (`review.rounds`) when they are. Pure. */
export function qualitySettings({
  level,
  reviewRounds,
}: {
  level: QualityLevel;
  reviewRounds?: number | undefined;
}): QualitySettings {
  const row = qualityTable[level];
  return reviewRounds === undefined ? row : { ...row, reviewRounds };
}
