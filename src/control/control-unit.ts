import type { ReplyCapacity } from '../model/reply-capacity.js';
import type { Plan } from '../planner/plan-schema.js';
import type { StoredSection } from '../store/run-store.js';
import { budgetReservations } from './control-unit/budget-reservations.js';
import { commitStep } from './control-unit/commit-step.js';
import { type ControlUnitOptions, unitOptions } from './control-unit/control-unit-options.js';
import { finishedSections } from './control-unit/finished-sections.js';
import { refitPendingPlan } from './control-unit/refit-pending-plan.js';
import { scheduleSteps } from './control-unit/schedule-steps.js';
import { sectionCeilingWords } from './control-unit/section-ceiling-words.js';
import { serialQueue } from './control-unit/serial-queue.js';
import { createUnitState, sectionsInOrder } from './control-unit/unit-state.js';
import { condenseToCeiling } from './length/condense-to-ceiling.js';

/** How the control unit's loop ended. */
export interface ControlUnitResult {
  /** `incomplete-length`: stopped early, the model writes too little per reply to go on. */
  status: 'completed' | 'stopped' | 'incomplete-length';
  /** Why it stopped early (a budget, the model's capacity). */
  stopReason?: string;
  sections: StoredSection[];
  /** The plan as it stands now: refitted to the model as the run went. */
  plan: Plan;
  capacity: ReplyCapacity;
}

/**
 * The one loop of quire: for each pending instruction, build its context, write it, check and
 * repair it, commit it to the run directory (with the model's thinking beside it, when it
 * thought), and update the ledger. Finished sections found in the store are never redone, so a
 * killed run resumes where it stopped; with `repairLength`, finished sections off their budget
 * are repaired (a resumed run that ended outside the length gate). Stops (resumably) before a
 * step once a budget is spent. With the adaptive length policy the pending plan is refitted
 * before each section (see `refitPlan`), the run stops early when the model writes too little
 * per reply to go on, and a document that ends over the length gate's ceiling
 * (`settings.lengthCeiling`) is condensed back (see `condenseToCeiling`).
 */
export async function runControlUnit(options: ControlUnitOptions): Promise<ControlUnitResult> {
  const { unit, start } = unitOptions(options);
  const { task, settings, store, saveCapacity, emit } = unit;
  const state = createUnitState(start);
  const end = (result: Omit<ControlUnitResult, 'sections' | 'plan' | 'capacity'>) => ({
    ...result,
    sections: sectionsInOrder(state),
    plan: state.plan,
    capacity: state.capacity,
  });
  const ceilingWords = () =>
    sectionCeilingWords({ ceiling: settings.lengthCeiling, words: task.words, plan: state.plan });
  const reservations = budgetReservations({ meter: unit.meter, budget: unit.budget });
  const ledgerUpdates = serialQueue();
  // Sections not to be redone; the scheduler starts the rest, up to `parallel` at once.
  const finished = finishedSections({ ...start, repairLength: unit.repairLength, settings });

  const halt = await scheduleSteps({
    unit,
    state,
    finished,
    reservations,
    refit: (reshapable) =>
      refitPendingPlan({ unit, state, finished, reshapable, ceilingWords, reservations }),
    step: (index, divide) =>
      commitStep({ unit, state, reservations, ledgerUpdates, index, divide }),
  });
  if (halt) return end(halt);

  const ceiling = ceilingWords();
  if (settings.lengthPolicy === 'adaptive' && ceiling !== undefined) {
    const condensed = await condenseToCeiling({
      task,
      plan: state.plan,
      sections: sectionsInOrder(state),
      ceilingWords: ceiling,
      store,
      settings,
      checks: unit.checks,
      call: unit.reviewCall,
      capacity: state.capacity,
      budgetStop: reservations.stop,
      emit,
    });
    if (condensed.calls > 0) {
      state.sections.splice(0, state.sections.length, ...condensed.sections);
      state.capacity = condensed.capacity;
      await saveCapacity(state.capacity);
    }
  }
  return end({ status: 'completed' });
}
