import { z } from 'zod';
import { limits } from '../../config/limits.js';

const segmentNumber = z.int().min(1).max(limits.segments);

const common = {
  event: z.string().trim().min(1).describe('What must appear, e.g. "parenting workshop".'),
  unit: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe('What a segment is called, e.g. Week; must match the file\'s "unit".'),
  match: z
    .array(z.string().trim().min(1))
    .optional()
    .describe('Other phrases that, found in the segment, count as the event being present.'),
};

/** The event must appear in one segment. */
export const OnceConstraintSchema = z
  .object({ type: z.literal('once'), segment: segmentNumber, ...common })
  .strict();

/** The event must appear in every segment from `start` to `end` (every `every`-th one). */
export const RangeConstraintSchema = z
  .object({
    type: z.literal('range'),
    start: segmentNumber,
    end: segmentNumber,
    every: z
      .int()
      .min(1)
      .max(limits.segments)
      .optional()
      .describe('Step between segments; 1 by default (e.g. 10 for a column of a 10-wide grid).'),
    ...common,
  })
  .strict();

/** The event must appear every `every` segments from `start`, up to `end` or the last segment. */
export const PeriodicConstraintSchema = z
  .object({
    type: z.literal('periodic'),
    start: segmentNumber,
    every: z.int().min(1).max(limits.segments),
    end: segmentNumber
      .optional()
      .describe('Last segment that may hold it; the last one by default.'),
    ...common,
  })
  .strict();

/** One constraint: `once`, `range` or `periodic`. */
export const ConstraintSchema = z.discriminatedUnion('type', [
  OnceConstraintSchema,
  RangeConstraintSchema,
  PeriodicConstraintSchema,
]);

/**
 * A constraints file: what must appear in which numbered segment of a document, and how to find
 * the segments (a header such as `Week 17`, a separator such as `#*#`, or both).
 */
export const ConstraintFileSchema = z
  .object({
    version: z.literal(1).default(1).describe('Format version.'),
    unit: z
      .string()
      .trim()
      .min(1)
      .optional()
      .describe('Header label that numbers the segments ("Week" finds "Week 17").'),
    separator: z.string().min(1).optional().describe('Text that separates segments, e.g. "#*#".'),
    segments: z
      .int()
      .min(1)
      .max(limits.segments)
      .describe('How many segments the document must have (numbered 1..N).'),
    minWords: z
      .int()
      .min(1)
      .max(limits.words)
      .optional()
      .describe('Minimum words of every segment.'),
    constraints: z.array(ConstraintSchema).describe('What must appear where.'),
  })
  .strict();

export type Constraint = z.infer<typeof ConstraintSchema>;
/** The three kinds of constraint. */
export type ConstraintType = Constraint['type'];
/** A parsed constraints file. */
export type ConstraintFile = z.infer<typeof ConstraintFileSchema>;

/** The constraint types, in reporting order. */
export const constraintTypes: readonly ConstraintType[] = ['once', 'range', 'periodic'];
