import type { Ledger } from '../ledger/ledger-schema.js';

/** How much a run's fact ledger holds, for `quire inspect`. */
export interface LedgerSize {
  entities: number;
  claims: number;
  /** Threads no section has resolved yet. */
  openThreads: number;
}

/** The size of a ledger. Pure. */
export function ledgerSize({ ledger }: { ledger: Ledger }): LedgerSize {
  return {
    entities: ledger.entities.length,
    claims: ledger.claims.length,
    openThreads: ledger.threads.filter((thread) => thread.resolvedIn === undefined).length,
  };
}
