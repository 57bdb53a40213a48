import { z } from 'zod';

/** The six dimensions the quality judge rates, in the order it is asked to give them. */
export const qualityDimensions = [
  'relevance',
  'accuracy',
  'coherence',
  'clarity',
  'breadthAndDepth',
  'readingExperience',
] as const;

/** One of the six dimensions. */
export type QualityDimension = (typeof qualityDimensions)[number];

const rating = z.number().min(1).max(5).describe('1 (very poor) to 5 (excellent).');

/**
 * The judge's reply: its analysis first (so the ratings follow from a written argument), then
 * one rating per dimension. Anything else, extra keys included, is an unparseable judgement.
 */
export const QualityJudgementSchema = z
  .object({
    analysis: z.string().min(1).describe('Strengths and weaknesses behind the ratings.'),
    relevance: rating,
    accuracy: rating,
    coherence: rating,
    clarity: rating,
    breadthAndDepth: rating,
    readingExperience: rating,
  })
  .strict();

export type QualityJudgement = z.infer<typeof QualityJudgementSchema>;
