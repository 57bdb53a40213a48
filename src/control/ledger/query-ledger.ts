import type { Ledger } from './ledger-schema.js';

/** One ledger fact, written out as a line, with how relevant it is to the text asked about. */
export interface LedgerItem {
  kind: 'entity' | 'claim' | 'thread';
  /** The fact as one line: "Ana Ruiz (person): role: keeper; born: 1921". */
  text: string;
  /** The section that stated it (an entity's latest, a thread's opener). */
  sectionId: string;
  /** True for an open thread the ledger expects `sectionId` (of the query) to settle. */
  due: boolean;
  score: number;
}

/**
 * The ledger's facts ranked by relevance to `focus` (a section's title and brief, or any text):
 * threads due in `sectionId` first, then by the share of the fact's content words that appear
 * in the focus, open threads and recent facts breaking ties. Resolved threads are left out.
 * The query a writer's context and a reviewer both use. Pure.
 */
export function queryLedger({
  ledger,
  focus,
  sectionId,
}: {
  ledger: Ledger;
  focus: string;
  sectionId?: string;
}): LedgerItem[] {
  const focusWords = new Set(contentWords(focus));
  const order = new Map(ledger.sectionIds.map((id, position) => [id, position]));
  const recency = (id: string) => ((order.get(id) ?? 0) + 1) / (ledger.sectionIds.length + 1);
  const overlap = (text: string) => {
    const words = contentWords(text);
    if (words.length === 0) return 0;
    return words.filter((word) => focusWords.has(word)).length / words.length;
  };
  const items: LedgerItem[] = [];
  for (const entity of ledger.entities) {
    const attributes = entity.attributes.map(
      (attribute) => `${attribute.name}: ${attribute.value}`,
    );
    const text = `${entity.name} (${entity.kind})${attributes.length > 0 ? `: ${attributes.join('; ')}` : ''}`;
    const latest = entity.sectionIds.at(-1)!;
    // A name the focus mentions outright is what a section most needs to spell and state right.
    const named =
      focusWords.size > 0 && contentWords(entity.name).every((word) => focusWords.has(word));
    items.push({
      kind: 'entity',
      text,
      sectionId: latest,
      due: false,
      score: overlap(text) + (named ? 1 : 0) + 0.1 * recency(latest),
    });
  }
  for (const claim of ledger.claims) {
    items.push({
      kind: 'claim',
      text: claim.text,
      sectionId: claim.sectionId,
      due: false,
      score: overlap(claim.text) + 0.1 * recency(claim.sectionId),
    });
  }
  for (const thread of ledger.threads) {
    if (thread.resolvedIn !== undefined) continue;
    const due = sectionId !== undefined && thread.resolveIn === sectionId;
    items.push({
      kind: 'thread',
      text: thread.text,
      sectionId: thread.openedIn,
      due,
      score: (due ? 10 : 0.2) + overlap(thread.text) + 0.1 * recency(thread.openedIn),
    });
  }
  return items.sort((left, right) => right.score - left.score);
}

/** Lower-case words of four letters or more, numbers and CJK characters: what relevance weighs. */
function contentWords(text: string): string[] {
  return text.toLowerCase().match(/\p{N}+|[\p{L}\p{N}]{4,}|\p{Script=Han}/gu) ?? [];
}
