import { countWords } from '../../evaluators/count-words.js';
import type { ReplyCapacity } from '../../model/reply-capacity.js';
import type { Plan } from '../../planner/plan-schema.js';
import type { StoredSection } from '../../store/run-store.js';
import type { Ledger } from '../ledger/ledger-schema.js';

/**
 * What the control unit knows as it goes, read and changed by every step in flight: the plan
 * (refitted, divided), the ledger, the capacity estimate and the sections committed.
 */
export interface UnitState {
  plan: Plan;
  ledger: Ledger;
  capacity: ReplyCapacity;
  /** Sections committed, in the order they were committed (a repaired one replaces its own). */
  sections: StoredSection[];
  /** The text of each committed section, by index. */
  texts: Map<number, string>;
  /** The words of each committed section, by index. */
  counts: Map<number, number>;
}

/** The state a run starts from: the sections already committed (`done`) and what it was given. */
export function createUnitState({
  done,
  plan,
  ledger,
  capacity,
}: {
  done: StoredSection[];
  plan: Plan;
  ledger: Ledger;
  capacity: ReplyCapacity;
}): UnitState {
  return {
    plan,
    ledger,
    capacity,
    sections: [...done],
    texts: new Map(done.map((section) => [section.index, section.text])),
    counts: new Map(done.map((section) => [section.index, countWords(section.text)])),
  };
}

/** Words committed so far. */
export function writtenWords(state: UnitState): number {
  return [...state.counts.values()].reduce((sum, words) => sum + words, 0);
}

/** The committed sections in plan order. */
export function sectionsInOrder(state: UnitState): StoredSection[] {
  return [...state.sections].sort((left, right) => left.index - right.index);
}
