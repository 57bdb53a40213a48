import type { RunStore } from '../../store/run-store.js';
import { LedgerSchema } from '../ledger/ledger-schema.js';
import { chooseLedgerItems } from '../ledger/render-ledger.js';

/**
 * The facts the reviewer and the seam pass hold the document to: the ledger's, most relevant
 * to `focus` (the request) first, within `maxWords`; none when the run keeps no ledger.
 */
export async function ledgerFacts({
  store,
  focus,
  maxWords,
}: {
  store: RunStore;
  focus: string;
  maxWords: number;
}): Promise<string[]> {
  const ledger = await store.readLedger(LedgerSchema);
  return ledger
    ? (chooseLedgerItems({ ledger, focus, maxWords }) ?? []).map(
        (item) => `${item.text} [${item.sectionId}]`,
      )
    : [];
}
