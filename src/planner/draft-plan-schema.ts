import { z } from 'zod';

/**
 * What the planner model is asked to return. Deliberately loose (no length bounds, every field
 * required) so it works with strict structured-output modes; `normalisePlan` enforces the rest.
 */
export const DraftPlanSchema = z.object({
  title: z.string().describe('Title of the whole document.'),
  sections: z
    .array(
      z.object({
        title: z.string().describe('Heading of the section.'),
        brief: z
          .string()
          .describe('The main point of the section and what it covers, in 2-4 detailed sentences.'),
        words: z.number().describe('Word budget of the section.'),
      }),
    )
    .describe('The sections in reading order.'),
  placements: z
    .array(
      z.object({
        requirement: z.string().describe('Id of a requirement from the request.'),
        sections: z
          .array(z.number())
          .describe('1-based numbers of the sections where it must appear.'),
      }),
    )
    .describe('For every requirement, the sections where it must appear (empty when none).'),
  facts: z
    .array(z.string())
    .optional()
    .describe(
      'The key names, dates and figures every section must agree on, one short statement each.',
    ),
});

export type DraftPlan = z.infer<typeof DraftPlanSchema>;
