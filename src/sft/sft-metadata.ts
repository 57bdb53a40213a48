import { z } from 'zod';

/** What every SFT record (and rejection) says about how it was made and how it scored. */
export const SftMetadataSchema = z
  .object({
    id: z
      .string()
      .describe(
        'Stable id: a hash of the instruction (whitespace normalised) and its length field.',
      ),
    line: z.int().min(1).describe('Line (Parquet: row) of the instruction in the input file.'),
    targetWords: z.int().positive(),
    targetSource: z
      .enum(['field', 'instruction', 'flag', 'default'])
      .describe(
        'Where targetWords came from: the length field, the instruction text, --words, or write.defaultWords.',
      ),
    words: z.int().min(0).describe('Words of the answer, counted as S_l counts.'),
    referenceWords: z
      .int()
      .min(0)
      .describe('Words of the answer the input already had (reference), counted alike; 0 if none.'),
    lengthScore: z.number().min(0).max(100).describe('S_l of the answer against the target.'),
    repetition: z
      .object({
        rep4: z.number(),
        distinct1: z.number(),
        distinct2: z.number(),
        maxWindowRep4: z.number().describe('Worst rep-4 of a 500-token window.'),
        longestLoopTokens: z.int().min(0),
        nearDuplicatePairs: z.int().min(0),
        lateCollapse: z.enum(['tooShort', 'none', 'collapse']),
      })
      .strict(),
    model: z.string(),
    tokens: z
      .object({
        input: z.number(),
        output: z.number(),
        cached: z.number(),
        estimated: z
          .literal(true)
          .optional()
          .describe('Present when quire counted tokens the server did not report.'),
        reasoning: z.number().default(0).describe('Of the output tokens, those spent thinking.'),
      })
      .strict(),
    calls: z.int().min(0),
    sections: z.int().min(1),
    elapsedSeconds: z.number().min(0),
    createdAt: z.string(),
    pairs: z
      .int()
      .min(0)
      .optional()
      .describe('With --format dpo: the preference pairs the instruction gave.'),
  })
  .strict();

export type SftMetadata = z.infer<typeof SftMetadataSchema>;
