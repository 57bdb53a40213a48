import type { CallSettings } from '../model/call-settings.js';
import type { ReplyCapacity } from '../model/reply-capacity.js';
import type { UsageMeter } from '../model/usage-meter.js';
import type { Plan } from '../planner/plan-schema.js';
import type { RunStore, StoredSection } from '../store/run-store.js';
import type { Task } from '../task/task-schema.js';
import type { RunBudget } from './budget.js';
import type { CandidateSettings } from './candidates/draft-candidates.js';
import type { SectionCheck } from './checks/section-check.js';
import type { ContextPolicy } from './context/build-step-context.js';
import { budgetReservations } from './control-unit/budget-reservations.js';
import { commitStep } from './control-unit/commit-step.js';
import { finishedSections } from './control-unit/finished-sections.js';
import { refitPendingPlan } from './control-unit/refit-pending-plan.js';
import { scheduleSteps } from './control-unit/schedule-steps.js';
import { sectionCeilingWords } from './control-unit/section-ceiling-words.js';
import { serialQueue } from './control-unit/serial-queue.js';
import { createUnitState, sectionsInOrder } from './control-unit/unit-state.js';
import type { Ledger } from './ledger/ledger-schema.js';
import type { LedgerMode } from './ledger/update-ledger.js';
import { condenseToCeiling } from './length/condense-to-ceiling.js';
import type { RunEventInput } from './run-events.js';
import type { SectionStepSettings, StepLimits } from './run-section-step.js';
import type { ThinkNoteMode } from './think/think-note-mode.js';

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
export async function runControlUnit({
  task,
  plan: initialPlan,
  store,
  ledger: initialLedger,
  done,
  policy,
  limits,
  settings,
  ledgerMode,
  checks,
  call,
  reviewCall = call,
  meter,
  budget,
  capacity: initialCapacity,
  repairLength = false,
  slack,
  windowWords,
  saveCapacity,
  parallel = 1,
  thinkNotes = { mode: 'off', journalled: new Map() },
  candidates,
  emit,
}: {
  task: Task;
  plan: Plan;
  store: RunStore;
  ledger: Ledger;
  /** Sections already committed, from the store. */
  done: StoredSection[];
  policy: ContextPolicy;
  limits: StepLimits;
  settings: SectionStepSettings;
  ledgerMode: LedgerMode;
  checks: SectionCheck[];
  /** The writer's calls. */
  call: CallSettings;
  /** The reviewer's calls (revise, expand, condense, summarise); the writer's when not given. */
  reviewCall?: CallSettings;
  meter: UsageMeter;
  budget: RunBudget;
  capacity: ReplyCapacity;
  /** Repair committed sections whose length misses their budget. */
  repairLength?: boolean;
  /** Drift of the written length tolerated before pending budgets are rebalanced (share of the target). */
  slack: number;
  /**
   * The largest section one reply can write inside the context window as it is now known;
   * pending sections above it are divided (adaptive). No limit when undefined.
   */
  windowWords?: () => number | undefined;
  /** Keeps the capacity estimate in run.json. */
  saveCapacity: (capacity: ReplyCapacity) => Promise<void>;
  /** Sections drafted at once (`write.parallel`); 1 drafts them in plan order, one by one. */
  parallel?: number;
  /** How think notes are made, and those earlier sessions' calls made, by section id. */
  thinkNotes?: { mode: ThinkNoteMode; journalled: ReadonlyMap<string, string> };
  /** Best of N: each section drafted this many times, the best kept; drafted once when undefined. */
  candidates?: CandidateSettings;
  emit: (event: RunEventInput) => Promise<void>;
}): Promise<ControlUnitResult> {
  const state = createUnitState({
    done,
    plan: initialPlan,
    ledger: initialLedger,
    capacity: initialCapacity,
  });
  const end = (result: Omit<ControlUnitResult, 'sections' | 'plan' | 'capacity'>) => ({
    ...result,
    sections: sectionsInOrder(state),
    plan: state.plan,
    capacity: state.capacity,
  });
  const ceilingWords = () =>
    sectionCeilingWords({ ceiling: settings.lengthCeiling, words: task.words, plan: state.plan });
  const reservations = budgetReservations({ meter, budget });
  const ledgerUpdates = serialQueue();
  // Sections not to be redone; the scheduler starts the rest, up to `parallel` at once.
  const finished = finishedSections({ done, plan: state.plan, repairLength, settings });

  const halt = await scheduleSteps({
    state,
    finished,
    parallel,
    settings,
    task,
    drafts: candidates?.count ?? 1,
    reservations,
    refit: (reshapable) =>
      refitPendingPlan({
        state,
        finished,
        reshapable,
        settings,
        slack,
        windowWords,
        ceilingWords,
        budgetStop: reservations.stop,
        store,
        emit,
      }),
    step: (index, divide) =>
      commitStep({
        index,
        divide,
        state,
        task,
        store,
        policy,
        limits,
        settings,
        ledgerMode,
        checks,
        call,
        reviewCall,
        meter,
        budget,
        reservations,
        ledgerUpdates,
        saveCapacity,
        parallel,
        thinkNotes,
        candidates,
        emit,
      }),
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
      checks,
      call: reviewCall,
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
