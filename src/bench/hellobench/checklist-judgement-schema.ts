import { z } from 'zod';
import { checklistLevels } from './hello-eval-score.js';

/** The judge's verdict on one checklist item: its reason first, then the level it argues for. */
export const ChecklistVerdictSchema = z
  .object({
    reason: z.string().trim().min(1).describe('What in the answer decides the level.'),
    score: z.literal(checklistLevels).describe('0, 0.25, 0.5, 0.75 or 1.'),
  })
  .strict();

/**
 * The judge's reply for a checklist of `count` items: one verdict per item, keyed by its id
 * (`"0"`, `"1"`, …), every key required and no other allowed. Keys rather than a list make a
 * missing, repeated or extra item a schema violation that the call layer retries, and keep the
 * schema within what strict structured-output modes accept.
 */
export function checklistJudgementSchema(count: number) {
  const keys = Array.from({ length: count }, (_, id) => [String(id), ChecklistVerdictSchema]);
  return z
    .object(Object.fromEntries(keys) as Record<string, typeof ChecklistVerdictSchema>)
    .strict();
}
