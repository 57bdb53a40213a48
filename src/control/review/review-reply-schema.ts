import { z } from 'zod';

/** The defects the whole-document review names, each one a rewrite of a section can fix. */
export const reviewRules = [
  'repetition',
  'contradiction',
  'dropped-thread',
  'transition',
  'off-brief',
  'meta-text',
  'length',
] as const;

/** One defect as the reviewer reports it. */
export const ReviewReplyFindingSchema = z.object({
  rule: z.enum(reviewRules).describe('Which kind of defect.'),
  sections: z.array(z.string()).min(1).describe('The ids of the sections that must change.'),
  message: z.string().min(1).describe('What is wrong and where, in one sentence.'),
  severity: z.enum(['error', 'warning']).describe('error: certainly a defect; warning: likely.'),
});

/** What the reviewer answers for one window of the document. */
export const ReviewReplySchema = z.object({
  reviewed: z.array(z.string()).describe('The ids of the sections read.'),
  findings: z.array(ReviewReplyFindingSchema).describe('The defects found; empty when none.'),
});
