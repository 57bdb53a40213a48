import { z } from 'zod';
import { limits } from '../config/limits.js';

/** A constraint due in one section: the text that must appear there. */
export const DueConstraintSchema = z
  .object({
    id: z.string(),
    text: z.string(),
    match: z.array(z.string()).optional().describe('Other phrases that count as present.'),
  })
  .strict();

/** One instruction of the registry: a section to write. */
export const PlanSectionSchema = z
  .object({
    id: z.string().min(1).describe('Stable id, e.g. s007; also the journal key.'),
    title: z.string().trim().min(1),
    brief: z
      .string()
      .trim()
      .min(1)
      .describe('The main point and what the section covers, in detail.'),
    words: z.int().positive().max(limits.words).describe('Word budget.'),
    constraints: z.array(DueConstraintSchema).default([]),
    segment: z
      .int()
      .positive()
      .optional()
      .describe('Segment number when the document is segmented.'),
    continuation: z
      .boolean()
      .optional()
      .describe(
        'A later part of a section split for length: assembled without a heading of its own.',
      ),
    dependsOn: z
      .string()
      .optional()
      .describe('Id of an earlier section this one builds on: drafted only after it is written.'),
  })
  .strict();

/** The instruction registry, as stored in plan.json. */
export const PlanSchema = z
  .object({
    version: z.literal(1),
    title: z.string().trim().min(1),
    words: z.int().positive().max(limits.words).describe('Target length of the whole document.'),
    sections: z.array(PlanSectionSchema).min(1).max(limits.sections),
    facts: z
      .array(z.string().trim().min(1))
      .optional()
      .describe(
        'Key entities and facts fixed at planning time (names, dates, figures) that every section must agree on.',
      ),
  })
  .strict();

export type Plan = z.infer<typeof PlanSchema>;
export type PlanSection = z.infer<typeof PlanSectionSchema>;
export type DueConstraint = z.infer<typeof DueConstraintSchema>;
