import { capacityStopReason } from '../length/capacity-stop-reason.js';
import { writesTooLittle } from '../length/writes-too-little.js';
import { readySections } from '../schedule/ready-sections.js';
import { sectionReservation } from '../schedule/section-reservation.js';
import type { BudgetReservations } from './budget-reservations.js';
import type { UnitOptions } from './control-unit-options.js';
import { type UnitState, writtenWords } from './unit-state.js';

/** Why the loop stopped before every section was written. */
export interface UnitHalt {
  /** `incomplete-length`: the model writes too little per reply to go on. */
  status: 'stopped' | 'incomplete-length';
  stopReason: string;
}

/** How one section step ended: committed, stopped for the model's capacity, or failed. */
type StepOutcome = { index: number; capacityStop: boolean } | { index: number; error: unknown };

/**
 * Runs the steps of the sections not `finished`, up to `parallel` at once, each as soon as it
 * is ready (see `readySections`), until all are written or the run must stop: before a step
 * once a budget is spent (counting what the steps in flight hold), or when the model writes
 * too little per reply. `refit` reshapes the pending plan before sections start. Steps in
 * flight are let finish; the first step that failed then throws its error.
 */
export async function scheduleSteps({
  unit: { parallel, settings, task, candidates },
  state,
  finished,
  reservations,
  refit,
  step,
}: {
  unit: UnitOptions;
  state: UnitState;
  /** Indexes of the sections committed (or not to be redone); grows as steps end. */
  finished: Set<number>;
  reservations: BudgetReservations;
  /** Refits the pending plan while `reshapable` allows; returns why the run must stop, if it must. */
  refit: (reshapable: (index: number) => boolean) => Promise<string | undefined>;
  /** Runs the step of section `index`; true when the model writes too little to go on. */
  step: (index: number, divide: boolean) => Promise<boolean>;
}): Promise<UnitHalt | undefined> {
  const running = new Map<number, Promise<StepOutcome>>();
  // The plan may be reshaped (refitted, divided) only while nothing runs or is written after.
  const reshapable = (index: number) =>
    running.size === 0 && ![...finished].some((other) => other > index);
  const capacityHalt = (): UnitHalt => ({
    status: 'incomplete-length',
    stopReason: capacityStopReason({
      capacity: state.capacity,
      minWordsPerReply: settings.minWordsPerReply,
      remainingWords: Math.max(0, state.plan.words - writtenWords(state)),
    }),
  });
  let halt: UnitHalt | undefined;
  let failure: { error: unknown } | undefined;

  for (;;) {
    const slots = halt || failure ? 0 : parallel - running.size;
    if (slots > 0) {
      const stopReason = await refit(reshapable);
      if (stopReason) {
        halt = { status: 'incomplete-length', stopReason };
        continue;
      }
    }
    for (const index of readySections({
      plan: state.plan,
      finished,
      running: new Set(running.keys()),
      slots,
      longestFirst: parallel > 1,
    })) {
      const stop = reservations.stop();
      if (stop) {
        halt = { status: 'stopped', stopReason: stop };
        break;
      }
      if (writesTooLittle({ settings, capacity: state.capacity })) {
        halt = capacityHalt();
        break;
      }
      // Each candidate is a draft of its own: the reservation holds room for all of them.
      reservations.reserve(
        index,
        sectionReservation({ section: state.plan.sections[index]!, request: task.prompt }) *
          (candidates?.count ?? 1),
      );
      // A section divided mid-draft shifts the indexes after it: only when none can start alongside.
      running.set(index, settle(index, step(index, parallel === 1 && reshapable(index))));
    }
    if (running.size === 0) break;
    const outcome = await Promise.race(running.values());
    running.delete(outcome.index);
    reservations.release(outcome.index);
    if ('error' in outcome) failure ??= { error: outcome.error };
    else {
      finished.add(outcome.index);
      if (outcome.capacityStop) halt ??= capacityHalt();
    }
  }
  if (failure) throw failure.error;
  return halt;
}

/** The outcome of a section's step; never rejects (its error is returned). */
async function settle(index: number, step: Promise<boolean>): Promise<StepOutcome> {
  try {
    return { index, capacityStop: await step };
  } catch (error) {
    return { index, error };
  }
}
