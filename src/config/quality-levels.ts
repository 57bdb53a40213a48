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
  /** Drafts of each section, the best kept (best of N); 1 drafts once. */
  candidates: number;
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
 * writes from the plan as made. Above `fast`, each section is planned in a think note first, as
 * a marked part of its own reply: measured against a separate call, it costs a fifth to a
 * quarter of the extra tokens and no extra call (README, "Think notes"). Only `best` drafts
 * each section twice and keeps the better (best of N): a second draft doubles the drafting
 * tokens, and most of what a larger N gains comes from the second sample (the expected best of
 * N samples grows about as sqrt(ln N)), so 3 would cost half as much again for little more;
 * `standard` spends its budget on the review, which fixes what a draft got wrong rather than
 * hoping another draft gets it right.
 */
export const qualityTable: Record<QualityLevel, QualitySettings> = {
  fast: { reviewRounds: 0, ledger: 'rule', thinkNotes: 'off', candidates: 1, critiqueRounds: 0 },
  standard: {
    reviewRounds: 2,
    ledger: 'model',
    thinkNotes: 'marked',
    candidates: 1,
    critiqueRounds: 1,
  },
  best: {
    reviewRounds: 3,
    ledger: 'model',
    thinkNotes: 'marked',
    candidates: 2,
    critiqueRounds: 2,
  },
};

/**
 * A level's settings, with the review rounds (`review.rounds`), the ledger keeper
 * (`write.ledger`), the think notes (`write.thinkNotes`), the drafts per section
 * (`write.candidates`) and the critique rounds (`plan.critiqueRounds`) set by config when they
 * are. Pure.
 */
export function qualitySettings({
  level,
  reviewRounds,
  ledger,
  thinkNotes,
  candidates,
  critiqueRounds,
}: {
  level: QualityLevel;
  reviewRounds?: number | undefined;
  ledger?: QualitySettings['ledger'] | undefined;
  thinkNotes?: ThinkNoteMode | undefined;
  candidates?: number | undefined;
  critiqueRounds?: number | undefined;
}): QualitySettings {
  const row = qualityTable[level];
  return {
    reviewRounds: reviewRounds ?? row.reviewRounds,
    ledger: ledger ?? row.ledger,
    thinkNotes: thinkNotes ?? row.thinkNotes,
    candidates: candidates ?? row.candidates,
    critiqueRounds: critiqueRounds ?? row.critiqueRounds,
  };
}
