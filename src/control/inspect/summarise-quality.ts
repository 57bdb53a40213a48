import type { RunInfo } from '../../store/run-info-schema.js';
import type { Ledger } from '../ledger/ledger-schema.js';
import { type LedgerSize, ledgerSize } from './ledger-size.js';
import { type StageCost, stageCosts } from './stage-costs.js';
import {
  type ReviewRoundSummary,
  type StoredReviewRound,
  summariseReview,
} from './summarise-review.js';
import { summariseThinkNotes, type ThinkNotesSummary } from './summarise-think-notes.js';

/**
 * What `quire inspect` adds about the quality stages; a field is absent when the run kept no
 * such record (no stages in run.json, no review rounds, no ledger.json).
 */
export interface QualitySummary {
  stages?: StageCost[];
  review?: ReviewRoundSummary[];
  ledger?: LedgerSize;
  thinkNotes?: ThinkNotesSummary;
}

/** Summarises a run's stages, review rounds, ledger and think notes from what was read. Pure. */
export function summariseQuality({
  info,
  reviewRounds,
  ledger,
  events = [],
}: {
  info: RunInfo;
  reviewRounds: StoredReviewRound[];
  ledger: Ledger | undefined;
  /** The run's journal, for its think notes. */
  events?: ReadonlyArray<Record<string, unknown>>;
}): QualitySummary {
  const stages = stageCosts({ info });
  const thinkNotes = summariseThinkNotes({ events });
  return {
    ...(stages.length > 0 ? { stages } : {}),
    ...(reviewRounds.length > 0 ? { review: summariseReview({ rounds: reviewRounds }) } : {}),
    ...(ledger ? { ledger: ledgerSize({ ledger }) } : {}),
    ...(thinkNotes ? { thinkNotes } : {}),
  };
}
