import { z } from 'zod';
import { FindingLocationSchema } from '../finding.js';

const ratio = z.number().min(0).max(1);

const WindowSchema = z
  .object({
    location: FindingLocationSchema,
    distinct1: ratio,
    distinct2: ratio,
    rep4: ratio,
  })
  .strict();

const PairSchema = z
  .object({
    jaccard: ratio.describe('Shared shingles / shingles of either paragraph.'),
    containment: ratio.describe('Shared shingles / shingles of the smaller paragraph.'),
    first: FindingLocationSchema.describe('The earlier paragraph.'),
    second: FindingLocationSchema.describe('The later paragraph.'),
  })
  .strict();

const HealthSchema = z.object({ rep4: ratio, functionShare: ratio }).strict();

/** What the repetition evaluator measured. Tokens are words, and characters in CJK scripts. */
export const RepetitionResultSchema = z
  .object({
    tokens: z.int().min(0).describe('Tokens measured (closed code fences left out).'),
    distinct1: ratio.describe('Distinct tokens / tokens, whole text.'),
    distinct2: ratio.describe('Distinct bigrams / bigrams, whole text.'),
    distinct4: ratio.describe('Distinct 4-grams / 4-grams, whole text.'),
    rep4: ratio.describe('1 − distinct-4, whole text.'),
    windows: z
      .object({
        size: z.int().min(1).describe('Tokens per window.'),
        minDistinct1: ratio,
        minDistinct2: ratio,
        maxRep4: ratio,
        series: z.array(WindowSchema).describe('Every window in text order.'),
      })
      .strict(),
    longestTokenRun: z
      .object({ token: z.string(), tokens: z.int().min(0), location: FindingLocationSchema })
      .strict()
      .describe('The longest run of one token repeated back to back.'),
    longestLoop: z
      .object({
        pattern: z.string().describe('The repeating tokens.'),
        period: z.int().min(1),
        repeats: z.number().min(0),
        tokens: z.int().min(0),
        location: FindingLocationSchema,
      })
      .strict()
      .describe('The longest stretch repeating one short pattern (up to 40 tokens).'),
    repeatedStretch: z
      .object({
        tokens: z.int().min(0).describe('Tokens of the stretch; 0 when there is none.'),
        share: ratio.describe('Share of its tokens inside a 4-gram seen earlier in the text.'),
        location: FindingLocationSchema.nullable(),
      })
      .strict()
      .describe('The longest stretch that only repeats what the text said before (a loop).'),
    symbolRun: z
      .object({
        symbols: z.int().min(0),
        distinct: z.array(z.string()).describe('Its different symbols, at most 12.'),
        location: FindingLocationSchema.nullable(),
      })
      .strict()
      .describe('The longest stretch of symbols (punctuation, markup, emoji) with no word.'),
    compressionRatio: z
      .number()
      .min(0)
      .describe('UTF-8 bytes / Brotli bytes, with a 16 MiB window.'),
    nearDuplicates: z
      .object({
        paragraphs: z.int().min(0).describe('Paragraphs long enough to compare.'),
        pairs: z.int().min(0).describe('Pairs at or above the similarity thresholds.'),
        worst: z.array(PairSchema).describe('The most similar pairs, most similar first.'),
      })
      .strict(),
    lateCollapse: z
      .object({
        status: z.enum(['tooShort', 'none', 'collapse']),
        baseline: HealthSchema.nullable().describe('Median window of the first half.'),
        window: HealthSchema.nullable().describe('The first collapsed window.'),
        reasons: z.array(z.enum(['repetition', 'functionWords'])),
        position: ratio.nullable().describe('Where the collapse starts, as a share of the text.'),
        location: FindingLocationSchema.nullable(),
      })
      .strict(),
  })
  .strict();

export type RepetitionResult = z.infer<typeof RepetitionResultSchema>;
