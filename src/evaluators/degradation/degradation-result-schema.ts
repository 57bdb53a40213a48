import { z } from 'zod';

const value = z.number().nullable();
const TrendSchema = z
  .object({
    first: value,
    last: value,
    delta: value.describe('last − first.'),
    slope: value.describe('Least-squares slope over position 0 (first part) to 1 (last).'),
    firstHalf: value,
    secondHalf: value,
  })
  .strict();

/** The measures followed along a document. */
export const degradationMeasures = [
  'distinct1',
  'distinct2',
  'rep4',
  'functionShare',
  'sentenceLength',
  'quality',
] as const;

/** One measure followed along a document. */
export type DegradationMeasure = (typeof degradationMeasures)[number];

/** How the document's parts hold up from first to last. */
export const DegradationResultSchema = z
  .object({
    source: z
      .enum(['sections', 'headings', 'chunks'])
      .describe("The parts: a run's sections, the document's chapters, or equal chunks."),
    parts: z.array(
      z
        .object({
          title: z.string(),
          tokens: z.int().min(0),
          distinct1: value,
          distinct2: value,
          rep4: value,
          functionShare: value,
          sentenceLength: value.describe('Tokens per sentence.'),
          quality: value.describe("The judge's S_q of the part, when asked for."),
        })
        .strict(),
    ),
    trends: z
      .object({
        distinct1: TrendSchema,
        distinct2: TrendSchema,
        rep4: TrendSchema,
        functionShare: TrendSchema,
        sentenceLength: TrendSchema,
        quality: TrendSchema,
      })
      .strict()
      .describe('Each measure from the first part to the last.'),
    degraded: z
      .array(z.enum(degradationMeasures))
      .describe('Measures by which the second half is clearly worse than the first.'),
  })
  .strict();

export type DegradationResult = z.infer<typeof DegradationResultSchema>;
