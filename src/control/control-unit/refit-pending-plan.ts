import { refitPlan } from '../length/refit-plan.js';
import { writesTooLittle } from '../length/writes-too-little.js';
import type { BudgetReservations } from './budget-reservations.js';
import type { UnitOptions } from './control-unit-options.js';
import { type UnitState, writtenWords } from './unit-state.js';

/**
 * Before sections start, with the adaptive length policy: the pending plan refitted to what
 * was written and learned so far (see `refitPlan`), written to the store and journalled when
 * it changed. Only while the plan may be reshaped (`reshapable`) and the run is not about to
 * stop. Returns why the rest cannot be written within the length gate, when it cannot.
 */
export async function refitPendingPlan({
  unit: { settings, slack, windowWords, store, emit },
  state,
  finished,
  reshapable,
  ceilingWords,
  reservations,
}: {
  unit: UnitOptions;
  state: UnitState;
  /** Indexes of the sections committed (or not to be redone). */
  finished: ReadonlySet<number>;
  /** May the plan be reshaped from section `index` on? */
  reshapable: (index: number) => boolean;
  /** The most words the sections may hold (see `sectionCeilingWords`). */
  ceilingWords: () => number | undefined;
  reservations: BudgetReservations;
}): Promise<string | undefined> {
  // Refitted from the first section not written, everything before it being written: with
  // the largest sections started first, that is not the first to start.
  const first = state.plan.sections.findIndex((_, index) => !finished.has(index));
  const refittable =
    settings.lengthPolicy === 'adaptive' &&
    // Stryker disable next-line ConditionalExpression: with every section finished, reshapable(-1) is false anyway
    first >= 0 &&
    !state.texts.has(first) &&
    reshapable(first) &&
    // A run about to stop keeps its plan as it is.
    !reservations.stop() &&
    !writesTooLittle({ settings, capacity: state.capacity });
  if (!refittable) return undefined;
  const refit = refitPlan({
    plan: state.plan,
    from: first,
    writtenWords: writtenWords(state),
    capacity: state.capacity,
    slack,
    minWordsPerReply: settings.minWordsPerReply,
    windowWords: windowWords?.(),
    ceilingWords: ceilingWords(),
  });
  if (refit.stopReason) return refit.stopReason;
  if (refit.plan !== state.plan) {
    state.plan = refit.plan;
    await store.writePlan(state.plan);
    for (const event of refit.events) await emit(event);
  }
  return undefined;
}
