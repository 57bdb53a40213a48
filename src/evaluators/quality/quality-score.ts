import { InvalidOptionError } from '../../errors/invalid-option-error.js';
import {
  type QualityDimension,
  type QualityJudgement,
  qualityDimensions,
} from './quality-judgement-schema.js';

/** S_q and its six parts, each 0–100. */
export interface QualityScore {
  score: number;
  dimensions: Record<QualityDimension, number>;
}

/**
 * LongBench-Write's quality score: per dimension, (mean rating − 1) · 25 over the judgements
 * (1 → 0, 5 → 100); S_q is the mean of the six. Takes several judgements so a benchmark can
 * score many items at once. Pure.
 */
export function qualityScore({
  judgements,
}: {
  judgements: readonly QualityJudgement[];
}): QualityScore {
  if (judgements.length === 0) {
    throw new InvalidOptionError({
      option: 'judgements',
      expected: 'at least one judgement',
      received: judgements,
    });
  }
  const dimensions = Object.fromEntries(
    qualityDimensions.map((dimension) => {
      const mean =
        judgements.reduce((sum, judgement) => sum + judgement[dimension], 0) / judgements.length;
      return [dimension, (mean - 1) * 25];
    }),
  ) as Record<QualityDimension, number>;
  const score =
    qualityDimensions.reduce((sum, dimension) => sum + dimensions[dimension], 0) /
    qualityDimensions.length;
  return { score, dimensions };
}
