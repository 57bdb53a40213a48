import type { UsageMeter } from '../../model/usage-meter.js';
import { budgetStop, type RunBudget } from '../budget.js';

/** The tokens held by the sections in flight, and the run's budget checked with them. */
export interface BudgetReservations {
  /** Holds `tokens` for the section `index` about to start. */
  reserve: (index: number, tokens: number) => void;
  /** Lets go of what the section `index` held, once it ended. */
  release: (index: number) => void;
  /** Why the budget forbids starting another section, counting every reservation. */
  stop: () => string | undefined;
  /** Why it forbids section `index` another call: what it spends is metered as it goes, so only the others' reservations are held. */
  stopFor: (index: number) => string | undefined;
}

/**
 * Reservations against the run's `budget` (see `sectionReservation`): a section in flight
 * holds room for its calls, so sections started alongside it cannot spend that room too.
 */
export function budgetReservations({
  meter,
  budget,
}: {
  meter: UsageMeter;
  budget: RunBudget;
}): BudgetReservations {
  const reserved = new Map<number, number>();
  const held = () => [...reserved.values()].reduce((sum, tokens) => sum + tokens, 0);
  return {
    reserve: (index, tokens) => {
      reserved.set(index, tokens);
    },
    release: (index) => {
      reserved.delete(index);
    },
    stop: () => budgetStop({ totals: meter.totals(), budget, reservedTokens: held() }),
    stopFor: (index) =>
      budgetStop({
        totals: meter.totals(),
        budget,
        reservedTokens: held() - (reserved.get(index) ?? 0),
      }),
  };
}
