import { z } from 'zod';

/** One criterion's outcome: its score and reason, or why it was dropped. */
export const CriterionResultSchema = z
  .object({
    name: z.string(),
    description: z.string(),
    levels: z.array(z.object({ scores: z.string(), meaning: z.string() }).strict()),
    status: z.enum(['scored', 'dropped']),
    score: z.int().min(1).max(10).nullable().describe('1–10; null when dropped.'),
    reason: z.string().describe("The judge's reason, or why the judgement was dropped."),
  })
  .strict();

/** The rubric judge's outcome (WritingBench's method): every criterion, then their mean. */
export const RubricResultSchema = z
  .object({
    judge: z.string().describe('The judge model, e.g. openai:gpt-4o-mini.'),
    format: z.enum(['quire', 'writingbench']).describe('The rubric file format.'),
    request: z.string().nullable().describe('The request the rubric gives, if any.'),
    criteria: z.array(CriterionResultSchema).describe('In the rubric file order.'),
    score: z
      .number()
      .min(1)
      .max(10)
      .nullable()
      .describe('Mean of the criteria scores, 1–10; null when any criterion was dropped.'),
    dropped: z.int().min(0).describe('Criteria whose judgement stayed unusable after retries.'),
  })
  .strict();

export type RubricResult = z.infer<typeof RubricResultSchema>;
