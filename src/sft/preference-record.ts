import type { SftMetadata } from './sft-metadata.js';

/** Where a preference pair came from: best of N, or a kept rewrite of the review. */
export type PairOrigin = {
  source: 'candidates' | 'review';
  /** The section's id in the plan. */
  sectionId: string;
  /** The chosen and rejected texts, relative to the run directory. */
  chosen: string;
  rejected: string;
  /** Candidates: the combined scores (0 best; see `selectCandidate`). */
  scores?: { chosen: number; rejected: number };
  /** Review: the round, and the findings against the section before and after. */
  round?: number;
  findings?: { before: number; after: number };
};

/** A preference pair before it is laid out as a record. */
export interface PreferencePair {
  /** The user prompt the section was drafted from. */
  prompt: string;
  /** The system prompt it was drafted under. */
  system: string;
  chosen: string;
  rejected: string;
  origin: PairOrigin;
}

/**
 * One line of `quire sft --format dpo`: TRL's standard preference layout (`prompt`, `chosen`,
 * `rejected`, plain strings) that LLaMA-Factory also reads as an alpaca ranking dataset
 * (`input` is its query column, always empty here; `system` its system column). `pair` says
 * where the pair came from; `metadata` is the instruction's, as in every SFT record. (A type,
 * not an interface, so it fits the queue's record format, an object of any keys.)
 */
export type PreferenceRecord = {
  prompt: string;
  input: '';
  system: string;
  chosen: string;
  rejected: string;
  pair: PairOrigin;
  metadata: SftMetadata;
};

/** Lays out a preference pair as a record. Pure. */
export function formatPreferenceRecord({
  pair,
  metadata,
}: {
  pair: PreferencePair;
  metadata: SftMetadata;
}): PreferenceRecord {
  const { prompt, system, chosen, rejected, origin } = pair;
  return { prompt, input: '', system, chosen, rejected, pair: origin, metadata };
}
