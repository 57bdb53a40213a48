import { z } from 'zod';

/** What the slop measure found: over-used phrasing, reported, never gated on by default. */
export const SlopResultSchema = z
  .object({
    list: z.string().describe('The phrase list used (evals/<name>.json).'),
    words: z.int().min(0).describe('Words of the text, counted as S_l counts.'),
    matches: z.int().min(0).describe('Occurrences of listed phrases.'),
    ratePer1000: z.number().min(0).describe('matches / words × 1,000.'),
    phrases: z
      .array(z.object({ phrase: z.string(), count: z.int().min(1) }).strict())
      .describe('The listed phrases found, most frequent first (at most 10).'),
    reference: z.string().describe('The reference corpus the vocabulary is compared with.'),
    overRepresented: z
      .array(
        z
          .object({
            word: z.string(),
            count: z.int().min(1),
            perThousand: z.number().describe('Occurrences per 1,000 tokens of the text.'),
            referencePerMillion: z.number().describe('Occurrences per million in the reference.'),
            ratio: z.number().describe('How many times more frequent than in the reference.'),
          })
          .strict(),
      )
      .describe('The words most over-represented against the reference, highest ratio first.'),
  })
  .strict();

export type SlopResult = z.infer<typeof SlopResultSchema>;
