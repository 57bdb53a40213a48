import { z } from 'zod';

const ratio = z.number().min(0).max(1);

/** An evaluation suite for `quire bench sgt --suite` (`evals/sgt-*.json`). */
export const SgtSuiteSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().min(1),
    benchmark: z.literal('sgt'),
    data: z
      .union([
        z.string().min(1).describe('SGT dataset or generated task file, relative to the root.'),
        z
          .object({
            generate: z
              .object({ count: z.int().positive(), seed: z.int().min(0) })
              .strict()
              .describe("Tasks made by quire's generator: no third-party data needed."),
          })
          .strict(),
      ])
      .describe('Where the tasks come from.'),
    mode: z.enum(['direct', 'quire']).optional().describe('Default mode; --mode overrides it.'),
    scenario: z.string().min(1).optional().describe('Only this scenario.'),
    limit: z.int().positive().optional().describe('Tasks to run, spread over the scenarios.'),
    concurrency: z.int().positive().optional().describe('Tasks in flight.'),
    evaluators: z
      .array(z.enum(['constraints', 'judge']))
      .min(1)
      .describe('`constraints`: lexical checks; `judge`: settle inconclusive checks (needs one).'),
    thresholds: z
      .object({
        cr: ratio.optional().describe('Least overall CR.'),
        stic1: ratio.optional().describe('Least overall STIC-1.'),
        stic2: ratio.optional().describe('Least overall STIC-2.'),
        wAvg: ratio.optional().describe('Least overall wAvg.'),
        leakage: ratio.optional().describe('Most overall leakage.'),
      })
      .strict()
      .describe("quire's pass bar for the suite, on the overall row (ratios, 0–1)."),
  })
  .strict();

/** A parsed SGT suite. */
export type SgtSuite = z.infer<typeof SgtSuiteSchema>;
