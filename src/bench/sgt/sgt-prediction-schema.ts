import { z } from 'zod';

const checkSet = z.record(z.string().regex(/^\d+$/, 'keys are segment numbers'), z.string());
const verdictSet = z
  .record(z.string().regex(/^\d+$/, 'keys are segment numbers'), z.string())
  .describe("Segment number → the judge's answer; SGT counts an answer containing 'yes' as yes.");

/**
 * One item of an SGT predictions file, as SGT's `inference.py` writes it (and its `eval.py`
 * extends): the dataset's fields (the prompt as `input` or `prompt`), the answer as
 * `output_blocks` (split on `#*#`) or as one `output` / `response` string, and optionally the
 * judge's verdicts `results_once`, `results_range`, `results_periodic`.
 */
export const SgtPredictionSchema = z
  .looseObject({
    input: z.string().min(1).optional(),
    prompt: z.string().min(1).optional(),
    checks_once: checkSet,
    checks_range: checkSet,
    checks_periodic: checkSet,
    type: z.string().min(1).describe('The segment label, e.g. Week, Menu Week, Floor, Block.'),
    number: z.int().min(1).describe('N: the segments expected, numbered 1..N.'),
    output_blocks: z.array(z.string()).optional(),
    output: z.string().optional(),
    response: z.string().optional(),
    results_once: verdictSet.optional(),
    results_range: verdictSet.optional(),
    results_periodic: verdictSet.optional(),
  })
  .refine((item) => item.input !== undefined || item.prompt !== undefined, {
    message: 'needs the prompt, as "input" or "prompt"',
  })
  .refine(
    (item) =>
      item.output_blocks !== undefined || item.output !== undefined || item.response !== undefined,
    { message: 'needs the answer, as "output_blocks", "output" or "response"' },
  );

/** A file of SGT predictions. */
export const SgtPredictionFileSchema = z.array(SgtPredictionSchema).min(1);

export type SgtPrediction = z.infer<typeof SgtPredictionSchema>;
