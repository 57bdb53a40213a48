import { z } from 'zod';

const ratio = z.number().min(0).max(1);
const count = z.int().min(0);

const GroupSchema = z
  .object({
    checks: count,
    present: count.describe('Checks whose segment exists.'),
    satisfied: count,
    stic1: ratio.nullable().describe('satisfied / present.'),
    stic2: ratio.nullable().describe('satisfied / checks.'),
  })
  .strict();

/** What the constraint evaluator found. Ratios are 0–1, null when their denominator is 0. */
export const ConstraintResultSchema = z
  .object({
    unit: z.string().nullable().describe('The header label of the segments, e.g. Week.'),
    separator: z.string().nullable(),
    headers: z
      .enum(['sgt', 'lenient'])
      .describe("How segment headers were read: SGT's exact rule, or the lenient reading."),
    segments: z
      .object({
        required: z.int().min(1).describe('N: segments 1..N are required.'),
        found: count.describe('Required segments present.'),
        missing: z.array(z.int()).describe('Required segments not found.'),
        duplicates: z.array(z.int()).describe('Numbers found more than once (the first was used).'),
        outOfRange: z.array(z.int()).describe('Numbers found outside 1..N (not used).'),
        unnumbered: count.describe('Separated pieces without a header number (not used).'),
      })
      .strict(),
    cr: ratio.describe('Completion rate: required segments found / required.'),
    stic1: ratio.nullable().describe('Satisfied / checks whose segment exists.'),
    stic2: ratio.nullable().describe('Satisfied / all checks.'),
    wAvg: ratio.nullable().describe('CR × STIC-2.'),
    checks: z
      .object({
        total: count,
        present: count,
        satisfied: count,
        undecided: count.describe(
          'Inconclusive lexically and not judged (no judge, or its answers unusable): counted as not satisfied, so STIC without a judge is a lower bound.',
        ),
        judged: count.describe('Checks settled by the judge.'),
      })
      .strict(),
    byType: z.object({ once: GroupSchema, range: GroupSchema, periodic: GroupSchema }).strict(),
    byDecile: z.array(
      GroupSchema.extend({
        decile: z.int().min(1).max(10),
        from: z.int().min(1),
        to: z.int().min(1),
      }),
    ),
    leakage: z
      .object({
        pairs: count.describe('(event, segment not asking for it) pairs examined.'),
        leaked: count,
        rate: ratio.nullable(),
        cases: z.array(z.object({ event: z.string(), segment: z.int() }).strict()),
      })
      .strict()
      .describe('Events found (lexically) in segments that did not ask for them.'),
    minWords: z
      .object({
        required: z.int().min(1).nullable(),
        below: z.array(z.object({ segment: z.int(), words: count }).strict()),
        share: ratio.nullable().describe('Share of the present segments that reach the minimum.'),
      })
      .strict(),
    results: z
      .array(
        z
          .object({
            constraint: count.describe('Index of the constraint in the file.'),
            type: z.enum(['once', 'range', 'periodic']),
            segment: z.int(),
            event: z.string(),
            decision: z.enum(['yes', 'no', 'undecided']),
            decidedBy: z.enum([
              'lexical',
              'judge',
              'stored',
              'missingSegment',
              'noJudge',
              'judgeDropped',
            ]),
          })
          .strict(),
      )
      .describe('Every check, in constraint order.'),
  })
  .strict();

export type ConstraintResult = z.infer<typeof ConstraintResultSchema>;
