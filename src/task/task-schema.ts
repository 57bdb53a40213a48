import { z } from 'zod';
import { limits } from '../config/limits.js';
import { ConstraintFileSchema } from '../evaluators/constraints/constraint-file-schema.js';

/** Something the document must contain somewhere; the planner decides where. */
export const RequirementSchema = z
  .object({
    id: z.string().min(1).describe('Stable id, e.g. r1.'),
    text: z.string().trim().min(1).describe('What must appear, e.g. "the Severn bore".'),
  })
  .strict();

/** One long-form request, fully resolved. Stored in run.json. */
export const TaskSchema = z
  .object({
    kind: z.enum(['prose', 'code']).default('prose'),
    prompt: z.string().trim().min(1, 'the request is empty'),
    words: z
      .int()
      .positive()
      .max(limits.words)
      .describe('Target length, in LongBench-Write words (CJK characters count one each).'),
    lang: z.string().min(2).describe('Language of the output, e.g. en, zh.'),
    title: z.string().min(1).optional(),
    requirements: z
      .array(RequirementSchema)
      .default([])
      .describe('Items that must appear somewhere; the planner places each in a section.'),
    constraints: ConstraintFileSchema.optional().describe(
      'Numbered segments (e.g. 52 weeks) and what must appear in which: the plan gets one section per segment.',
    ),
  })
  .strict();

export type Task = z.infer<typeof TaskSchema>;
export type TaskInput = z.input<typeof TaskSchema>;
export type Requirement = z.infer<typeof RequirementSchema>;
