import type { RewriteRecord, SeamFindings } from '../../store/review-files.js';
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
 * such record (no stages in run.json, no seam pass, no review rounds, no ledger.json).
 */
export interface QualitySummary {
  stages?: StageCost[];
  /** The seam pass, as a review round of its own (`round` 0). */
  seams?: ReviewRoundSummary;
  review?: ReviewRoundSummary[];
  ledger?: LedgerSize;
  thinkNotes?: ThinkNotesSummary;
}

/** Summarises a run's stages, seam pass, review rounds, ledger and think notes from what was read. Pure. */
export function summariseQuality({
  info,
  seamPass,
  reviewRounds,
  ledger,
  events = [],
}: {
  info: RunInfo;
  /** The seam pass's findings and repairs, when it ran. */
  seamPass?: { findings: SeamFindings; repairs: RewriteRecord[] } | undefined;
  reviewRounds: StoredReviewRound[];
  ledger: Ledger | undefined;
  /** The run's journal, for its think notes. */
  events?: ReadonlyArray<Record<string, unknown>>;
}): QualitySummary {
  const stages = stageCosts({ info });
  const thinkNotes = summariseThinkNotes({ events });
  const seams =
    seamPass &&
    summariseReview({
      rounds: [{ findings: { round: 0, ...seamPass.findings }, rewrites: seamPass.repairs }],
    })[0];
  return {
    ...(stages.length > 0 ? { stages } : {}),
    ...(seams ? { seams } : {}),
    ...(reviewRounds.length > 0 ? { review: summariseReview({ rounds: reviewRounds }) } : {}),
    ...(ledger ? { ledger: ledgerSize({ ledger }) } : {}),
    ...(thinkNotes ? { thinkNotes } : {}),
  };
}
