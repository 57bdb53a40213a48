import { z } from 'zod';

const part = z.number().min(0).max(100);

/** The quality judge's outcome: scored, or dropped after its replies could not be used. */
export const QualityResultSchema = z
  .object({
    judge: z.string().describe('The judge model, e.g. openai:gpt-4o-mini.'),
    status: z.enum(['scored', 'dropped']),
    score: part.nullable().describe('S_q, 0–100; null when dropped.'),
    ratings: z
      .object({
        relevance: z.number(),
        accuracy: z.number(),
        coherence: z.number(),
        clarity: z.number(),
        breadthAndDepth: z.number(),
        readingExperience: z.number(),
      })
      .strict()
      .nullable()
      .describe('The 1–5 ratings as the judge gave them.'),
    dimensions: z
      .object({
        relevance: part,
        accuracy: part,
        coherence: part,
        clarity: part,
        breadthAndDepth: part,
        readingExperience: part,
      })
      .strict()
      .nullable()
      .describe('(rating − 1) · 25 per dimension.'),
    analysis: z.string().nullable().describe("The judge's analysis."),
    reason: z.string().nullable().describe('Why the judgement was dropped.'),
  })
  .strict();

export type QualityResult = z.infer<typeof QualityResultSchema>;
