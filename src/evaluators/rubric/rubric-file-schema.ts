import { z } from 'zod';

const text = z.string().trim().min(1, 'is empty: write the criterion there');

/** WritingBench's score bands: the keys of a criterion that say what each band means. */
export const writingBenchBands = ['1-2', '3-4', '5-6', '7-8', '9-10'] as const;

/**
 * A WritingBench item (one line of its `benchmark_all.jsonl`, as one JSON object): the query
 * and its `checklist` of criteria, each with a `name`, a `criteria_description` and optional
 * score bands. Other keys (`index`, `domain1`, `lang` …) are allowed and ignored.
 */
export const WritingBenchItemSchema = z.object({
  query: text.optional(),
  checklist: z.array(
    z.object({
      name: text,
      criteria_description: text,
      ...Object.fromEntries(writingBenchBands.map((band) => [band, z.string().optional()])),
    }),
  ),
});

/**
 * quire's own rubric file: an optional `request` and a list of `criteria`, each a string (the
 * criterion itself) or `{ "name"?, "description" }`.
 */
export const QuireRubricSchema = z
  .object({
    request: text.optional(),
    criteria: z.array(
      z.preprocess(
        (value) => (typeof value === 'string' ? { description: value } : value),
        z.object({ name: text.optional(), description: text }).strict(),
      ),
    ),
  })
  .strict();
