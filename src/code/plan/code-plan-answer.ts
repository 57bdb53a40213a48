import { z } from 'zod';

/** What the planner model is asked to return. Normalised into a `CodePlan` before use. */
export const CodePlanAnswerSchema = z.object({
  instructions: z
    .array(
      z.object({
        title: z.string().describe('Short name of the step.'),
        details: z.string().describe('Modules, functions, data shapes and behaviour to build.'),
        requirements: z
          .array(z.string())
          .describe('Requirement lines of the spec this step implements, copied verbatim.'),
        files: z
          .array(z.string())
          .describe('Relative paths of the files the step creates or changes.'),
        testFiles: z
          .array(z.string())
          .describe('Relative paths of the test files the step writes.'),
      }),
    )
    .min(1)
    .describe('The steps, in build order.'),
});

/** The planner model's answer, before normalisation. */
export type CodePlanAnswer = z.infer<typeof CodePlanAnswerSchema>;
