import type { ThinkNoteMode } from '../control/think/think-note-mode.js';

/** How much work a write run puts into its document beyond drafting it. */
export const qualityLevels = ['fast', 'standard', 'best'] as const;
export type QualityLevel = (typeof qualityLevels)[number];

/** What a quality level turns on. One row per level; a new loop adds its own column. */
export interface QualitySettings {
  /** Rounds of whole-document review and rewrite of the flagged sections; 0 for none. */
  reviewRounds: number;
  /** Who keeps the fact ledger: one structured call per section, or reading by rule. */
  ledger: 'model' | 'rule';
  /** How each section's think note is made, if at all. */
  thinkNotes: ThinkNoteMode;
}

/**
 * The levels, in one place. `fast` is the single pass: plan, then each section drafted and
 * checked. `standard` adds the whole-document review: two rounds, because the first round's
 * rewrites are rechecked only against their neighbours, and a second reading of the whole
 * document catches what they missed or brought. `best` allows a third. Above `fast`, the model
 * keeps the ledger, since the review checks the document against it; `fast` reads it by rule and
 * makes one call per section. Above `fast`, each section is planned in a think note first, as
 * a marked part of its own reply: measured against a separate call, it costs a fifth to a
 * quarter of the extra tokens and no extra call (README, "Think notes").
 */
export const qualityTable: Record<QualityLevel, QualitySettings> = {
  fast: { reviewRounds: 0, ledger: 'rule', thinkNotes: 'off' },
  standard: { reviewRounds: 2, ledger: 'model', thinkNotes: 'marked' },
  best: { reviewRounds: 3, ledger: 'model', thinkNotes: 'marked' },
};

/**
 * A level's settings, with the review rounds (`review.rounds`), the ledger keeper
 * (`write.ledger`) and the think notes (`write.thinkNotes`) set by config when they are. Pure.
 */
export function qualitySettings({
  level,
  reviewRounds,
  ledger,
  thinkNotes,
}: {
  level: QualityLevel;
  reviewRounds?: number | undefined;
  ledger?: QualitySettings['ledger'] | undefined;
  thinkNotes?: ThinkNoteMode | undefined;
}): QualitySettings {
  const row = qualityTable[level];
  return {
    reviewRounds: reviewRounds ?? row.reviewRounds,
    ledger: ledger ?? row.ledger,
    thinkNotes: thinkNotes ?? row.thinkNotes,
  };
}
