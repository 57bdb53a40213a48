import { z } from 'zod';

/** What can be wrong where two sections drafted apart meet, judged at the later one's opening. */
export const seamRules = ['transition', 'duplicate', 'contradiction'] as const;

/** One defect at a seam, as the checker reports it. */
export const SeamReplyFindingSchema = z.object({
  seam: z.int().describe('The number of the seam, as its seam tag gives it.'),
  rule: z.enum(seamRules).describe('Which kind of defect.'),
  message: z.string().min(1).describe('What is wrong at the join, in one sentence.'),
  severity: z.enum(['error', 'warning']).describe('error: certainly a defect; warning: likely.'),
});

/** What the seam checker answers for the seams it was shown. */
export const SeamReplySchema = z.object({
  seams: z.array(z.int()).describe('The numbers of the seams read.'),
  findings: z.array(SeamReplyFindingSchema).describe('The defects found; empty when none.'),
});
