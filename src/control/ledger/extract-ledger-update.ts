import { findTextFacts } from '../../util/find-text-facts.js';
import type { LedgerUpdate } from './ledger-update-schema.js';

/**
 * A ledger update read from a section by rule, when no model keeps the ledger (or its reply
 * was unusable): the names with the figures stated next to them, the writer's own notes (else
 * the sentences with figures, else the opening sentence) as claims, and its questions as open
 * threads with no section named to settle them. Pure.
 */
export function extractLedgerUpdate({
  text,
  notes = [],
  maxClaims = 3,
}: {
  text: string;
  notes?: string[];
  maxClaims?: number;
}): LedgerUpdate {
  const facts = findTextFacts({ text });
  const entities = facts.figuresAbout.slice(0, 8).map(({ name, sentences }) => ({
    name,
    kind: 'other',
    attributes: sentences.map((value) => ({ name: 'stated', value })),
  }));
  const claims =
    notes.length > 0
      ? notes
      : facts.figures.length > 0
        ? facts.figures
        : facts.sentences.slice(0, 1);
  return {
    entities,
    claims: claims.slice(0, maxClaims),
    threadsOpened: facts.questions
      .slice(0, 2)
      .map((question) => ({ text: question, resolveIn: '' })),
    threadsResolved: [],
  };
}
