import { z } from 'zod';
import { ConstraintFileSchema } from '../../evaluators/constraints/constraint-file-schema.js';

const CheckSetSchema = z
  .record(z.string().regex(/^\d+$/, 'keys are segment numbers'), z.array(z.string()))
  .describe('Segment number → the events due there.');

/** One generated task: the prompt, its constraints, and the checks they expand to. */
export const SgtGeneratedTaskSchema = z
  .object({
    id: z.string().min(1),
    scenario: z.enum(['diary', 'menu', 'floors', 'city-grid']),
    prompt: z.string().min(1),
    words: z.int().positive().describe('Target length of the whole answer, for quire mode.'),
    constraints: ConstraintFileSchema,
    checks: z
      .object({ once: CheckSetSchema, range: CheckSetSchema, periodic: CheckSetSchema })
      .strict()
      .describe('The constraints expanded, SGT style; must agree with `constraints`.'),
  })
  .strict();

/** A file written by `quire bench sgt --generate`: quire's own SGT-style tasks. */
export const SgtTaskFileSchema = z
  .object({
    format: z.literal('quire-sgt-tasks'),
    version: z.literal(1),
    seed: z.int().min(0),
    quire: z.string().describe('The quire version that generated it.'),
    tasks: z.array(SgtGeneratedTaskSchema).min(1),
  })
  .strict();

export type SgtTaskFile = z.infer<typeof SgtTaskFileSchema>;
