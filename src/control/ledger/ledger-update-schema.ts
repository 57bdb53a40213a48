import { z } from 'zod';

/**
 * What one section adds to the ledger, as the model is asked to return it. Every field is
 * required and unbounded so it works with strict structured-output modes; `mergeLedgerUpdate`
 * trims and deduplicates.
 */
export const LedgerUpdateSchema = z.object({
  entities: z
    .array(
      z.object({
        name: z.string().describe('The name exactly as the section spells it.'),
        kind: z.string().describe('person, organisation, place, product, event, figure or other.'),
        attributes: z
          .array(
            z.object({
              name: z.string().describe('What the attribute is: role, date, age, amount, …'),
              value: z.string().describe('Its value exactly as the section states it.'),
            }),
          )
          .describe('Roles, dates and figures the section gives for it.'),
      }),
    )
    .describe('Names the section introduces or says something new about.'),
  claims: z
    .array(z.string())
    .describe('Statements of fact later sections must not contradict, one sentence each.'),
  threadsOpened: z
    .array(
      z.object({
        text: z.string().describe('The question, promise or setup left open.'),
        resolveIn: z.string().describe('Id of the later section expected to settle it, or "".'),
      }),
    )
    .describe('What the section raises and leaves for later.'),
  threadsResolved: z
    .array(z.string())
    .describe('Open threads (copied from the list given) that this section settles.'),
});

export type LedgerUpdate = z.infer<typeof LedgerUpdateSchema>;
