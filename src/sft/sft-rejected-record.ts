import { z } from 'zod';
import { SftMetadataSchema } from './sft-metadata.js';

/** One line of the rejected side file: the instruction, the answer, and why it was left out. */
export const SftRejectedRecordSchema = z
  .object({
    prompt: z.string(),
    response: z.string(),
    reference: z.string().describe('The answer the input already had; empty when none.'),
    reasons: z
      .array(
        z
          .object({
            reason: z.enum([
              'too-short',
              'incomplete-length',
              'too-long',
              'too-repetitive',
              'failed-checks',
              'meta-text',
              'no-pairs',
            ]),
            message: z.string(),
          })
          .strict(),
      )
      .min(1),
    metadata: SftMetadataSchema,
  })
  .strict();

export type SftRejectedRecord = z.infer<typeof SftRejectedRecordSchema>;
