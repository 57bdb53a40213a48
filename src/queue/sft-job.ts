import { createHash } from 'node:crypto';
import { z } from 'zod';
import { sftFormats } from '../sft/sft-format.js';
import { SftMetadataSchema } from '../sft/sft-metadata.js';
import { SftRejectedRecordSchema } from '../sft/sft-rejected-record.js';
import { TaskSchema } from '../task/task-schema.js';
import { JobFailureSchema } from './job-failure.js';
import { queueFormatVersion } from './queue-format.js';

/**
 * One instruction of `quire sft` as a queue job: the item, and every setting that shapes its
 * answer (the producer's configuration without the model's address and key, which each worker
 * brings). Checked on the worker before anything runs; the configuration is checked again
 * against the configuration schema.
 */
export const SftJobSchema = z
  .object({
    formatVersion: z.literal(queueFormatVersion),
    instruction: z
      .object({
        id: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'an instruction id is a hash'),
        line: z.int().min(1),
        prompt: z.string().min(1),
        length: z.int().positive().optional(),
        reference: z.string().optional(),
      })
      .strict(),
    task: TaskSchema,
    targetSource: z.enum(['field', 'instruction', 'flag', 'default']),
    format: z.enum([...(sftFormats as ['messages', 'alpaca', 'sharegpt']), 'dpo']),
    minWords: z.int().min(0),
    filters: z.array(z.enum(['length', 'repetition', 'checks', 'meta-text'])),
    thinking: z.boolean(),
    config: z.record(z.string(), z.unknown()),
  })
  .strict();

export type SftJob = z.infer<typeof SftJobSchema>;

/** What a worker returns for an SFT job: the item's outcome, or why it could not finish. */
export const SftJobResultSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('written'),
    records: z.array(z.looseObject({ metadata: SftMetadataSchema })),
    metadata: SftMetadataSchema,
  }),
  z.object({
    kind: z.literal('rejected'),
    record: SftRejectedRecordSchema,
    metadata: SftMetadataSchema,
  }),
  JobFailureSchema,
]);

export type SftJobResult = z.infer<typeof SftJobResultSchema>;

/**
 * The job's id: its instruction's id and a digest of the settings, so enqueueing the same
 * instruction again adds nothing while another configuration is another job. Pure.
 */
export function sftJobId(job: SftJob): string {
  const digest = createHash('sha256').update(JSON.stringify(job)).digest('hex').slice(0, 16);
  return `sft-${job.instruction.id}-${digest}`;
}
