import { z } from 'zod';

/**
 * The judge's reply for one criterion: a whole score from 1 to 10 and the reason for it. A
 * score out of range or not whole, a missing reason or an extra key is an unusable reply.
 */
export const CriterionJudgementSchema = z
  .object({
    score: z.int().min(1).max(10).describe('1 (fails the criterion) to 10 (fully meets it).'),
    reason: z.string().trim().min(1).describe('Why this score, citing the document.'),
  })
  .strict();
