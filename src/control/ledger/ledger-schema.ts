import { z } from 'zod';

/** One attribute of an entity (a role, a date, a figure), with the section that stated it. */
export const LedgerAttributeSchema = z.object({
  name: z.string(),
  value: z.string(),
  sectionId: z.string(),
});

/** A named thing later sections must keep consistent: a person, a place, a product, a figure. */
export const LedgerEntitySchema = z.object({
  name: z.string(),
  kind: z.string(),
  attributes: z.array(LedgerAttributeSchema),
  /** The sections that mention it, in the order they were written. */
  sectionIds: z.array(z.string()),
});

/** A statement the document has made, with the section that made it. */
export const LedgerClaimSchema = z.object({ text: z.string(), sectionId: z.string() });

/** Something raised and not yet settled, with the section expected to settle it. */
export const LedgerThreadSchema = z.object({
  text: z.string(),
  openedIn: z.string(),
  /** The section expected to resolve it; absent when no later section was named. */
  resolveIn: z.string().optional(),
  /** The section that did resolve it. */
  resolvedIn: z.string().optional(),
});

/**
 * ledger.json: the typed facts of a run, replacing free-text notes: entities with their
 * attributes, claims with the section that made them, and open threads with the section
 * expected to resolve each. Updated after every section; shown to later sections by
 * `renderLedger`, queried by `queryLedger`.
 */
export const LedgerSchema = z.object({
  version: z.literal(2),
  entities: z.array(LedgerEntitySchema),
  claims: z.array(LedgerClaimSchema),
  threads: z.array(LedgerThreadSchema),
  /** The sections whose update is in the ledger, so a repeated update replaces, not doubles. */
  sectionIds: z.array(z.string()),
});

export type Ledger = z.infer<typeof LedgerSchema>;
export type LedgerEntity = z.infer<typeof LedgerEntitySchema>;

/** The ledger before any section is written. */
export const emptyLedger: Ledger = {
  version: 2,
  entities: [],
  claims: [],
  threads: [],
  sectionIds: [],
};
