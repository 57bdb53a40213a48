import { z } from 'zod';
import { hellobenchLengths, hellobenchSubsets } from '../hellobench/hellobench-subset.js';

const score = z.number().min(0).max(100);

/** An evaluation suite for `quire bench hellobench --suite` (`evals/hellobench-*.json`). */
export const HellobenchSuiteSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().min(1),
    benchmark: z.literal('hellobench'),
    data: z
      .string()
      .min(1)
      .describe("HelloBench's folder (its repository, or its data/), relative to the root."),
    subset: z.enum(hellobenchSubsets).optional().describe('Default set; --subset overrides it.'),
    lengths: z
      .array(z.enum(hellobenchLengths))
      .min(1)
      .optional()
      .describe('Lengths of the length-constrained set; --lengths overrides them.'),
    mode: z.enum(['direct', 'quire']).optional().describe('Default mode; --mode overrides it.'),
    limit: z.int().positive().optional().describe('Items to run, spread over the groups.'),
    concurrency: z.int().positive().optional().describe('Items in flight.'),
    evaluators: z
      .array(z.enum(['length', 'checklist']))
      .min(1)
      .describe('What is scored: length always; `checklist` (HelloEval) needs a judge.'),
    thresholds: z
      .object({
        lengthScore: score.optional().describe('Least overall S_l.'),
        inGate: z
          .number()
          .min(0)
          .max(1)
          .optional()
          .describe('Least share of answers within the length gate, in every length or type.'),
        helloEval: score.optional().describe('Least overall HelloEval score (0–100).'),
      })
      .strict()
      .describe("quire's pass bar for the suite."),
  })
  .strict();

/** A parsed HelloBench suite. */
export type HellobenchSuite = z.infer<typeof HellobenchSuiteSchema>;
