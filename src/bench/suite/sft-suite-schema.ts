import { z } from 'zod';

/** The checks an SFT answer must pass to be kept; each failed one is a rejection reason. */
export const sftFilterNames = ['length', 'repetition', 'checks', 'meta-text'] as const;

/** An evaluation suite for `quire sft --suite` (`evals/sft-*.json`). */
export const SftSuiteSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().min(1),
    benchmark: z.literal('sft'),
    data: z
      .string()
      .min(1)
      .describe('Instructions JSONL ({"prompt", "length"?} per line), relative to the root.'),
    format: z.enum(['messages', 'alpaca', 'sharegpt']).optional(),
    concurrency: z.int().positive().optional(),
    evaluators: z
      .array(z.enum(sftFilterNames))
      .min(1)
      .describe(
        'Filters that reject an answer: `length` (too short), `repetition` (too repetitive), `checks` (sections kept with failed checks), `meta-text`.',
      ),
    filters: z
      .object({
        minWordsRatio: z
          .number()
          .gt(0)
          .max(2)
          .optional()
          .describe(
            "Least words as a share of the target (default: the length gate's floor); --min-words overrides.",
          ),
        maxRep4: z.number().gt(0).max(1).optional().describe('Most rep-4; --max-rep overrides.'),
      })
      .strict()
      .default({}),
    thresholds: z
      .object({
        acceptedRate: z
          .number()
          .min(0)
          .max(1)
          .optional()
          .describe('Least share of the answered instructions that are kept.'),
        lengthScore: z
          .number()
          .min(0)
          .max(100)
          .optional()
          .describe('Least mean S_l of the kept records.'),
      })
      .strict(),
  })
  .strict();

/** A parsed SFT suite. */
export type SftSuite = z.infer<typeof SftSuiteSchema>;
