import type { RunInfo } from '../../store/run-info-schema.js';
import type { Ledger } from '../ledger/ledger-schema.js';
import { type LedgerSize, ledgerSize } from './ledger-size.js';
import { type StageCost, stageCosts } from './stage-costs.js';
import {
  type ReviewRoundSummary,
  type StoredReviewRound,
  summariseReview,
} from './summarise-review.js';

/**
 * What `quire inspect` adds about the quality stages; a field is absent when the run kept no
 * such record (no stages in run.json, no review rounds, no ledger.json).
 */
export interface QualitySummary {
  stages?: StageCost[];
  review?: ReviewRoundSummary[];
  ledger?: LedgerSize;
}

/** Summarises a run's stages, review rounds and ledger from what was read. Pure. */
export function summariseQuality({
  info,
  reviewRounds,
  ledger,
}: {
  info: RunInfo;
  reviewRounds: StoredReviewRound[];
  ledger: Ledger | undefined;
}): QualitySummary {
  const stages = stageCosts({ info });
  return {
    ...(stages.length > 0 ? { stages } : {}),
    ...(reviewRounds.length > 0 ? { review: summariseReview({ rounds: reviewRounds }) } : {}),
    ...(ledger ? { ledger: ledgerSize({ ledger }) } : {}),
  };
}
