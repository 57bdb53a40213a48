import { z } from 'zod';

/**
 * What the plan critic looks for, each one a defect a revision of the plan can fix: sections
 * covering the same ground, a brief too vague to write from, a part of the request no section
 * covers, budgets far from even, a requirement placed nowhere, a generic introduction or
 * conclusion frame the request did not ask for, and headings that turn the document into a list.
 */
export const critiqueRules = [
  'overlap',
  'vague-brief',
  'missing-part',
  'unbalanced-budget',
  'unplaced-requirement',
  'generic-frame',
  'listicle',
] as const;

/** One defect as the critic reports it. */
export const CritiqueReplyFindingSchema = z.object({
  rule: z.enum(critiqueRules).describe('Which kind of defect.'),
  sections: z
    .array(z.string())
    .describe('The ids of the sections that must change; empty when no section covers it.'),
  message: z.string().min(1).describe('What is wrong, in one sentence a planner can act on.'),
  severity: z.enum(['error', 'warning']).describe('error: certainly a defect; warning: likely.'),
});

/** What the critic answers about a plan. */
export const CritiqueReplySchema = z.object({
  checked: z.array(z.string()).describe('The ids of the sections read.'),
  findings: z.array(CritiqueReplyFindingSchema).describe('The defects found; empty when none.'),
});
