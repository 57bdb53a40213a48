import type { Plan } from '../../planner/plan-schema.js';
import type { CritiqueRound } from '../../store/critique-files.js';
import type { RewriteRecord, SeamFindings } from '../../store/review-files.js';
import type { RunInfo } from '../../store/run-info-schema.js';
import type { Ledger } from '../ledger/ledger-schema.js';
import { type LedgerSize, ledgerSize } from './ledger-size.js';
import { type StageCost, stageCosts } from './stage-costs.js';
import { type CritiqueRoundSummary, summariseCritique } from './summarise-critique.js';
import {
  type ReviewRoundSummary,
  type StoredReviewRound,
  summariseReview,
} from './summarise-review.js';
import { summariseThinkNotes, type ThinkNotesSummary } from './summarise-think-notes.js';

/**
 * What `quire inspect` adds about the quality stages; a field is absent when the run kept no
 * such record (no stages in run.json, no critique rounds, no seam pass, no review rounds, no
 * ledger.json).
 */
export interface QualitySummary {
  stages?: StageCost[];
  critique?: CritiqueRoundSummary[];
  /** The seam pass, as a review round of its own (`round` 0). */
  seams?: ReviewRoundSummary;
  review?: ReviewRoundSummary[];
  ledger?: LedgerSize;
  thinkNotes?: ThinkNotesSummary;
}

/**
 * Summarises a run's stages, critique rounds, seam pass, review rounds, ledger and think notes
 * from what was read. Pure.
 */
export function summariseQuality({
  info,
  draftPlan,
  critiqueRounds = [],
  seamPass,
  reviewRounds,
  ledger,
  // Stryker disable next-line ArrayDeclaration: whatever non-event it held is no think-end, so no summary changes
  events = [],
}: {
  info: RunInfo;
  /** The seam pass's findings and repairs, when it ran. */
  seamPass?: { findings: SeamFindings; repairs: RewriteRecord[] } | undefined;
  /** The plan as first made, kept when the plan was critiqued. */
  draftPlan?: Plan | undefined;
  critiqueRounds?: readonly CritiqueRound[];
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
    ...(draftPlan && critiqueRounds.length > 0
      ? { critique: summariseCritique({ draft: draftPlan, rounds: critiqueRounds }) }
      : {}),
    ...(seams ? { seams } : {}),
    ...(reviewRounds.length > 0 ? { review: summariseReview({ rounds: reviewRounds }) } : {}),
    ...(ledger ? { ledger: ledgerSize({ ledger }) } : {}),
    ...(thinkNotes ? { thinkNotes } : {}),
  };
}
