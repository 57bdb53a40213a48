import { z } from 'zod';
import { ConstraintResultSchema } from '../../evaluators/constraints/constraint-result-schema.js';
import { BenchUsageSchema } from '../bench-usage-schema.js';

const ratio = z.number().min(0).max(1);
const count = z.int().min(0);
const TypeCountsSchema = z.object({ checks: count, present: count, satisfied: count }).strict();

/** One line of an SGT run's `results.jsonl`: a task's scores. Ratios are 0–1. */
export const SgtResultSchema = z
  .object({
    id: z.string(),
    scenario: z.string(),
    source: z.enum(['sgt', 'generated']),
    mode: z.enum(['direct', 'quire']),
    model: z.string(),
    segments: z
      .object({ required: z.int().min(1), found: count })
      .strict()
      .describe('Segments 1..N asked for, and how many of them the answer has.'),
    words: count.describe('Words of the answer.'),
    cr: ratio,
    stic1: ratio.nullable(),
    stic2: ratio.nullable(),
    wAvg: ratio.nullable(),
    checks: z
      .object({ total: count, present: count, satisfied: count, undecided: count, judged: count })
      .strict(),
    byType: z
      .object({ once: TypeCountsSchema, range: TypeCountsSchema, periodic: TypeCountsSchema })
      .strict(),
    leakage: z
      .object({ pairs: count, leaked: count })
      .strict()
      .describe('Events found in segments that did not ask for them.'),
    segmentsBelowMinimum: count.describe('Present segments under the task’s minimum words.'),
    checkResults: ConstraintResultSchema.shape.results
      .optional()
      .describe('Every check and its decision, in constraint order; absent in older results.'),
    usage: BenchUsageSchema,
    elapsedSeconds: z.number().min(0),
    runDirectory: z.string().nullable().describe('The run directory, in quire mode.'),
    responseFile: z.string().nullable().describe('The answer, in direct mode.'),
    finishedAt: z.string(),
  })
  .strict();

export type SgtResult = z.infer<typeof SgtResultSchema>;
