import { InvalidOptionError } from '../../errors/invalid-option-error.js';

/** HelloEval's five levels for one checklist item, from not met (0) to fully met (1). */
export const checklistLevels = [0, 0.25, 0.5, 0.75, 1] as const;

/**
 * HelloEval's score of one answer, 0–100: the sum over its checklist items of level × weight,
 * with weights summing to 100 (`checklistWeights`), as HelloBench's own aggregation computes it
 * before its (score − 75) × 4 rescaling. Published weights sum to 100 only up to rounding, so
 * the sum is capped at 100. Pure; throws `InvalidOptionError` when the lists differ in length
 * or a score is not one of the five levels.
 */
export function helloEvalScore({
  scores,
  weights,
}: {
  /** The level of each checklist item, in checklist order. */
  scores: readonly number[];
  weights: readonly number[];
}): number {
  if (scores.length === 0 || scores.length !== weights.length) {
    throw new InvalidOptionError({
      option: 'scores',
      expected: `one level per weight (${weights.length})`,
      received: scores.length,
    });
  }
  const offLevel = scores.find((score) => !(checklistLevels as readonly number[]).includes(score));
  if (offLevel !== undefined) {
    throw new InvalidOptionError({
      option: 'scores',
      expected: `levels among ${checklistLevels.join(', ')}`,
      received: offLevel,
    });
  }
  const total = scores.reduce((sum, score, index) => sum + score * (weights[index] ?? 0), 0);
  return Math.min(100, total);
}

/** A HelloEval score on the scale of the paper's tables: (score − 75) × 4. Pure. */
export function paperScale(score: number): number {
  return (score - 75) * 4;
}
