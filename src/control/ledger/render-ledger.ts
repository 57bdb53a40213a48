import { countWords } from '../../evaluators/count-words.js';
import type { Ledger } from './ledger-schema.js';
import { type LedgerItem, queryLedger } from './query-ledger.js';

/** Which facts to pick: those most relevant to `focus` (for `sectionId`), within `maxWords`. */
export interface LedgerSelection {
  ledger: Ledger;
  focus: string;
  sectionId?: string;
  maxWords: number;
}

const headings: Record<string, string> = {
  due: 'Threads this section should settle',
  entity: 'Names and their details',
  claim: 'Claims already made',
  thread: 'Threads still open',
};

/**
 * The ledger as the writer of one section sees it: the most relevant facts to `focus` (see
 * `queryLedger`) added until `maxWords` is reached, then grouped under short headings. The
 * ledger grows with the document; what is shown does not, so a section's prompt stays the same
 * size however long the document gets. Pure.
 */
export function renderLedger(selection: LedgerSelection): string {
  const chosen = chooseLedgerItems(selection);
  if (chosen === undefined) return 'Nothing has been written yet.';
  const groups = ['due', 'entity', 'claim', 'thread'].map((group) => {
    const lines = chosen
      .filter((item) => (item.due ? 'due' : item.kind) === group)
      .map((item) => `- ${item.text} [${item.sectionId}]`);
    return lines.length > 0 ? `${headings[group]}:\n${lines.join('\n')}` : '';
  });
  return groups.filter(Boolean).join('\n\n') || 'Nothing relevant has been established yet.';
}

/**
 * The most relevant facts to `focus` (see `queryLedger`) that fit in `maxWords`, headings and
 * section tags counted; undefined when the ledger holds nothing at all. Pure.
 */
export function chooseLedgerItems({
  ledger,
  focus,
  sectionId,
  maxWords,
}: LedgerSelection): LedgerItem[] | undefined {
  const ranked = queryLedger({ ledger, focus, sectionId });
  if (ranked.length === 0) return undefined;
  const chosen: LedgerItem[] = [];
  // Headings and section tags are words too: kept out of the facts' share up front.
  let words = 16;
  for (const item of ranked) {
    const cost = countWords(item.text) + 2;
    if (words + cost > maxWords) continue;
    chosen.push(item);
    words += cost;
  }
  return chosen;
}
