import type { CallSettings } from '../../model/call-settings.js';
import type { ReplyCapacity } from '../../model/reply-capacity.js';
import type { UsageMeter } from '../../model/usage-meter.js';
import type { Plan } from '../../planner/plan-schema.js';
import type { RunStore, StoredSection } from '../../store/run-store.js';
import type { Task } from '../../task/task-schema.js';
import type { RunBudget } from '../budget.js';
import type { CandidateSettings } from '../candidates/draft-candidates.js';
import type { SectionCheck } from '../checks/section-check.js';
import type { ContextPolicy } from '../context/build-step-context.js';
import type { Ledger } from '../ledger/ledger-schema.js';
import type { LedgerMode } from '../ledger/update-ledger.js';
import type { RunEventInput } from '../run-events.js';
import type { SectionStepSettings, StepLimits } from '../run-section-step.js';
import type { ThinkNoteMode } from '../think/think-note-mode.js';

/** What `runControlUnit` is given. */
export interface ControlUnitOptions {
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
}

/**
 * What every step of a run shares: the control unit's options with their defaults, less where
 * the run starts from (the plan, ledger and capacity the steps read in `UnitState`).
 */
export type UnitOptions = Omit<ControlUnitOptions, 'plan' | 'ledger' | 'capacity' | 'done'> &
  Required<Pick<ControlUnitOptions, 'reviewCall' | 'repairLength' | 'parallel' | 'thinkNotes'>>;

/** The options with their defaults applied, and the state the run starts from. */
export function unitOptions({ plan, ledger, capacity, done, ...options }: ControlUnitOptions): {
  unit: UnitOptions;
  start: Pick<ControlUnitOptions, 'plan' | 'ledger' | 'capacity' | 'done'>;
} {
  return {
    unit: {
      ...options,
      reviewCall: options.reviewCall ?? options.call,
      repairLength: options.repairLength ?? false,
      parallel: options.parallel ?? 1,
      thinkNotes: options.thinkNotes ?? { mode: 'off', journalled: new Map() },
    },
    start: { plan, ledger, capacity, done },
  };
}
