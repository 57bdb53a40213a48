import { z } from 'zod';

/** What the length evaluator measured. Words are counted LongBench-Write's way. */
export const LengthResultSchema = z
  .object({
    required: z.int().min(1).nullable().describe('Required words; null when none was given.'),
    produced: z.int().min(0).describe('Words in the document.'),
    score: z
      .number()
      .min(0)
      .max(100)
      .nullable()
      .describe('S_l, 0–100; null without a requirement.'),
    bucket: z
      .enum(['[0,500)', '[500,2000)', '[2000,4000)', '[4000,20000]', '>20000'])
      .nullable()
      .describe("LongBench-Write's bucket of the required length."),
    gate: z
      .object({
        floor: z.number().describe('Shortest acceptable length, as a share of the target.'),
        ceiling: z.number().describe('Longest acceptable length, as a share of the target.'),
        floorWords: z.int().min(0),
        ceilingWords: z.int().min(0),
        ratio: z.number().min(0).describe('produced / required.'),
        status: z.enum(['within', 'short', 'long']),
      })
      .strict()
      .nullable()
      .describe(
        'Whether the document is within floor × to ceiling × its target; null without one.',
      ),
    tolerance: z.number().min(0).describe('Share of a budget a section may miss it by.'),
    sections: z
      .array(
        z
          .object({
            id: z.string(),
            title: z.string(),
            budget: z.int().min(0).describe('Words the plan gave it.'),
            words: z.int().min(0),
            ratio: z.number().min(0).nullable().describe('words / budget.'),
            score: z
              .number()
              .min(0)
              .max(100)
              .nullable()
              .describe('S_l of the section against its budget.'),
          })
          .strict(),
      )
      .describe('Each planned section, in plan order; empty without a plan.'),
    sectionsWithinTolerance: z.int().min(0).nullable(),
  })
  .strict();

export type LengthResult = z.infer<typeof LengthResultSchema>;
