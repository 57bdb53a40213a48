import { z } from 'zod';
import { checklistLevels } from './hello-eval-score.js';

/** HelloEval's judgement of one answer, as a result line stores it. */
export const HelloEvalResultSchema = z
  .object({
    judge: z.string().describe('The judge model spec.'),
    status: z
      .enum(['scored', 'dropped'])
      .describe('`dropped`: no usable judgement after every attempt; there is no score.'),
    weighting: z
      .enum(['published', 'equal'])
      .describe("HelloBench's fitted weights for the category, or equal weights."),
    score: z.number().min(0).max(100).nullable().describe('HelloEval score, 0–100.'),
    items: z
      .array(
        z
          .object({
            id: z.int().min(0),
            question: z.string(),
            reason: z.string(),
            score: z.literal(checklistLevels),
            weight: z.number().min(0),
          })
          .strict(),
      )
      .nullable()
      .describe('Each checklist item with its level, reason and weight; null when dropped.'),
    reason: z.string().nullable().describe('Why the judgement was dropped.'),
  })
  .strict();

/** A HelloEval judgement. */
export type HelloEvalResult = z.infer<typeof HelloEvalResultSchema>;
