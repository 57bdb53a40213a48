import { z } from 'zod';

/**
 * The parts of a run's `run.json` the evaluators read; other keys are the run's own business
 * and pass through unchecked.
 */
export const RunFileSchema = z.looseObject({
  version: z.literal(1),
  task: z.looseObject({
    prompt: z.string(),
    words: z.int().min(1),
    lang: z.string().optional(),
    constraints: z.unknown().optional(),
  }),
});

/** The parts of a run's `plan.json` the evaluators read. */
export const PlanFileSchema = z.looseObject({
  version: z.literal(1),
  title: z.string().optional(),
  sections: z.array(
    z.looseObject({
      id: z.string(),
      title: z.string(),
      words: z.number().min(0),
    }),
  ),
});
