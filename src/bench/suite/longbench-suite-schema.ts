import { z } from 'zod';

const score = z.number().min(0).max(100);

/** An evaluation suite for `quire bench longbench-write --suite` (`evals/longbench-*.json`). */
export const LongbenchSuiteSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().min(1),
    benchmark: z.literal('longbench-write'),
    data: z
      .string()
      .min(1)
      .describe('The LongBench-Write JSONL, relative to the repository (or package) root.'),
    mode: z.enum(['direct', 'quire']).optional().describe('Default mode; --mode overrides it.'),
    limit: z.int().positive().optional().describe('Items to run, spread over the buckets.'),
    concurrency: z.int().positive().optional().describe('Items in flight.'),
    evaluators: z
      .array(z.enum(['length', 'quality']))
      .min(1)
      .describe('What is scored: S_l always; `quality` (S_q, S) needs a judge.'),
    thresholds: z
      .object({
        lengthScore: score.optional().describe('Least overall S_l.'),
        qualityScore: score.optional().describe('Least overall S_q.'),
        overall: score.optional().describe('Least overall S.'),
      })
      .strict()
      .describe("quire's pass bar for the suite, on the overall row."),
  })
  .strict();

/** A parsed LongBench-Write suite. */
export type LongbenchSuite = z.infer<typeof LongbenchSuiteSchema>;
