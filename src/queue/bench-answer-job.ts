import { createHash } from 'node:crypto';
import { z } from 'zod';
import { TaskSchema } from '../task/task-schema.js';
import { JobFailureSchema } from './job-failure.js';
import { queueFormatVersion } from './queue-format.js';

/**
 * One answer of `quire bench longbench-write` or `quire bench sgt` as a queue job: the prompt
 * (direct mode) or task (quire mode), the draw's seed, and the producer's settings without the
 * model's address and key. The producer scores the answer and judges it itself.
 */
export const BenchAnswerJobSchema = z
  .object({
    formatVersion: z.literal(queueFormatVersion),
    mode: z.enum(['direct', 'quire']),
    prompt: z.string().min(1),
    task: TaskSchema,
    seed: z.int().min(1).optional(),
    config: z.record(z.string(), z.unknown()),
  })
  .strict();

export type BenchAnswerJob = z.infer<typeof BenchAnswerJobSchema>;

/** What a worker returns for a benchmark answer, or why it could not produce one. */
export const BenchAnswerJobResultSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('answer'),
    response: z.string(),
    usage: z.object({
      inputTokens: z.number(),
      outputTokens: z.number(),
      cachedInputTokens: z.number(),
      calls: z.number(),
      failedAttempts: z.number(),
    }),
    elapsedSeconds: z.number().min(0),
    finishReason: z.enum(['stop', 'length', 'tool-calls']).nullable(),
  }),
  JobFailureSchema,
]);

export type BenchAnswerJobResult = z.infer<typeof BenchAnswerJobResultSchema>;

/** The job's id: a digest of everything that shapes the answer, so asking again adds nothing. Pure. */
export function benchAnswerJobId(job: BenchAnswerJob): string {
  return `bench-${createHash('sha256').update(JSON.stringify(job)).digest('hex').slice(0, 32)}`;
}
