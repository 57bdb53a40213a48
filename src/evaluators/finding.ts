import { z } from 'zod';

/** Where in the evaluated text a finding points. Every field is optional; give what is known. */
export const FindingLocationSchema = z
  .object({
    line: z.int().min(1).optional().describe('1-based line in the evaluated text.'),
    column: z.int().min(1).optional().describe('1-based column, in UTF-16 code units.'),
    offset: z.int().min(0).optional().describe('0-based character offset, in UTF-16 code units.'),
    section: z
      .string()
      .optional()
      .describe('A plan section id, or the nearest Markdown heading above the spot.'),
    segment: z.int().optional().describe('The segment number, for constraint checks.'),
  })
  .strict();

/** How much a finding matters: `error` is a defect, `warning` a likely one, `info` a note. */
export const FindingSeveritySchema = z.enum(['error', 'warning', 'info']);

/**
 * A problem found *in the content* by an evaluator. Findings are data, never thrown: an
 * evaluator throws only when it cannot run at all.
 */
export const FindingSchema = z
  .object({
    evaluator: z
      .string()
      .describe('The evaluator that produced it: length, quality, repetition, constraints.'),
    ruleId: z
      .string()
      .describe('A stable id of the rule, e.g. repetition/near-duplicate-paragraph.'),
    message: z.string().describe('One sentence a person can act on.'),
    severity: FindingSeveritySchema,
    location: FindingLocationSchema.optional(),
  })
  .strict();

export type FindingLocation = z.infer<typeof FindingLocationSchema>;
export type FindingSeverity = z.infer<typeof FindingSeveritySchema>;
export type Finding = z.infer<typeof FindingSchema>;

const severityOrder: Record<FindingSeverity, number> = { error: 0, warning: 1, info: 2 };

/** Sorts findings errors first, then by position in the text; stable otherwise. Pure. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (left, right) =>
      severityOrder[left.severity] - severityOrder[right.severity] ||
      (left.location?.offset ?? Number.MAX_SAFE_INTEGER) -
        (right.location?.offset ?? Number.MAX_SAFE_INTEGER),
  );
}
