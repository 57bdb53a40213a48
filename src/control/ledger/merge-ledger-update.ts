import type { Ledger, LedgerEntity } from './ledger-schema.js';
import type { LedgerUpdate } from './ledger-update-schema.js';

const limits = { entities: 12, attributes: 6, claims: 8, threads: 4, characters: 240 };

/**
 * Adds what one section established to the ledger. Whatever the same section added before is
 * taken out first, so a repeated update (a resumed run, a rewritten section) replaces it rather
 * than doubling it. Entities are matched by name, case-insensitively; a thread may only be
 * scheduled for a section of `sectionIds` that comes later, and is resolved only when the
 * update names it. Model output is bounded here (counts and lengths). Pure.
 */
export function mergeLedgerUpdate({
  ledger,
  sectionId,
  update,
  sectionIds = [],
}: {
  ledger: Ledger;
  sectionId: string;
  update: LedgerUpdate;
  /** The plan's section ids in order, to check where a thread is scheduled. */
  sectionIds?: string[];
}): Ledger {
  const base = withoutSection({ ledger, sectionId });
  const entities = base.entities.map((entity) => ({ ...entity }));
  for (const given of update.entities.slice(0, limits.entities)) {
    const name = clip(given.name);
    if (name === '') continue;
    const attributes = given.attributes
      .slice(0, limits.attributes)
      .filter((attribute) => attribute.value.trim() !== '')
      .map((attribute) => ({
        name: clip(attribute.name) || 'detail',
        value: clip(attribute.value),
        sectionId,
      }));
    const known = entities.find((entity) => sameName(entity.name, name));
    if (known) {
      known.attributes = [...known.attributes, ...attributes];
      if (!known.sectionIds.includes(sectionId))
        known.sectionIds = [...known.sectionIds, sectionId];
    } else {
      entities.push({
        name,
        kind: clip(given.kind) || 'other',
        attributes,
        sectionIds: [sectionId],
      });
    }
  }
  const claims = [
    ...base.claims,
    ...unique(update.claims.map(clip))
      .filter((text) => text !== '')
      .slice(0, limits.claims)
      .map((text) => ({ text, sectionId })),
  ];
  const position = sectionIds.indexOf(sectionId);
  const later = (id: string) => position >= 0 && sectionIds.indexOf(id) > position;
  const resolved = update.threadsResolved.map((text) => normalise(text));
  const threads = base.threads.map((thread) =>
    thread.resolvedIn === undefined && resolved.includes(normalise(thread.text))
      ? { ...thread, resolvedIn: sectionId }
      : thread,
  );
  for (const opened of update.threadsOpened.slice(0, limits.threads)) {
    const text = clip(opened.text);
    if (text === '') continue;
    const resolveIn = opened.resolveIn.trim();
    threads.push({ text, openedIn: sectionId, ...(later(resolveIn) ? { resolveIn } : {}) });
  }
  return {
    version: 2,
    entities,
    claims,
    threads,
    sectionIds: [...base.sectionIds, sectionId],
  };
}

/** The ledger with everything one section added taken out. Pure. */
export function withoutSection({
  ledger,
  sectionId,
}: {
  ledger: Ledger;
  sectionId: string;
}): Ledger {
  const entities: LedgerEntity[] = [];
  for (const entity of ledger.entities) {
    const sectionIds = entity.sectionIds.filter((id) => id !== sectionId);
    if (sectionIds.length === 0) continue;
    const attributes = entity.attributes.filter((attribute) => attribute.sectionId !== sectionId);
    entities.push({ ...entity, attributes, sectionIds });
  }
  return {
    version: 2,
    entities,
    claims: ledger.claims.filter((claim) => claim.sectionId !== sectionId),
    threads: ledger.threads
      .filter((thread) => thread.openedIn !== sectionId)
      .map(({ resolvedIn, ...thread }) =>
        resolvedIn === undefined || resolvedIn === sectionId ? thread : { ...thread, resolvedIn },
      ),
    sectionIds: ledger.sectionIds.filter((id) => id !== sectionId),
  };
}

function clip(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > limits.characters ? `${line.slice(0, limits.characters)}…` : line;
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function sameName(left: string, right: string): boolean {
  return normalise(left) === normalise(right);
}

function unique(texts: string[]): string[] {
  return [...new Set(texts)];
}
