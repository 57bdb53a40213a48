import type { Plan } from '../../planner/plan-schema.js';
import type { CritiqueRound } from '../../store/critique-files.js';
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

/**
 * What `quire inspect` adds about the quality stages; a field is absent when the run kept no
 * such record (no stages in run.json, no critique or review rounds, no ledger.json).
 */
export interface QualitySummary {
  stages?: StageCost[];
  critique?: CritiqueRoundSummary[];
  review?: ReviewRoundSummary[];
  ledger?: LedgerSize;
}

/** Summarises a run's stages, critique and review rounds and ledger from what was read. Pure. */
export function summariseQuality({
  info,
  draftPlan,
  critiqueRounds = [],
  reviewRounds,
  ledger,
}: {
  info: RunInfo;
  /** The plan as first made, kept when the plan was critiqued. */
  draftPlan?: Plan | undefined;
  critiqueRounds?: readonly CritiqueRound[];
  reviewRounds: StoredReviewRound[];
  ledger: Ledger | undefined;
}): QualitySummary {
  const stages = stageCosts({ info });
  return {
    ...(stages.length > 0 ? { stages } : {}),
    ...(draftPlan && critiqueRounds.length > 0
      ? { critique: summariseCritique({ draft: draftPlan, rounds: critiqueRounds }) }
      : {}),
    ...(reviewRounds.length > 0 ? { review: summariseReview({ rounds: reviewRounds }) } : {}),
    ...(ledger ? { ledger: ledgerSize({ ledger }) } : {}),
  };
}
