import type { CallSettings } from '../../model/call-settings.js';
import type { ReplyCapacity } from '../../model/reply-capacity.js';
import type { Plan } from '../../planner/plan-schema.js';
import type { Task } from '../../task/task-schema.js';
import type { SectionCandidates } from '../candidates/draft-candidates.js';
import type { SectionCheck } from '../checks/section-check.js';
import type { ContextPolicy } from '../context/build-step-context.js';
import type { Ledger } from '../ledger/ledger-schema.js';
import type { RunEventInput } from '../run-events.js';
import type { SectionStepSettings, StepLimits } from '../run-section-step.js';
import type { ThinkNoteSettings } from '../think/think-note-mode.js';

/** What `runSectionStep` is given. */
export interface SectionStepOptions {
  task: Task;
  plan: Plan;
  index: number;
  ledger: Ledger;
  previous: string[];
  policy: ContextPolicy;
  limits: StepLimits;
  settings: SectionStepSettings;
  checks: SectionCheck[];
  /** The writer's calls: the draft and its continuations. */
  call: CallSettings;
  /** The reviewer's calls: every repair of the draft; the writer's when not given. */
  reviewCall?: CallSettings;
  capacity: ReplyCapacity;
  /** A committed section's text to repair, instead of writing a draft. */
  existing?: string;
  /** Why the run's budget forbids another call, if it does. */
  budgetStop?: () => string | undefined;
  /** For a section drafted in parallel: its neighbours' briefs (see `neighbourBriefs`). */
  neighbours?: string;
  /** May a draft too long for one reply divide the section (false while others are in flight)? */
  divide?: boolean;
  /** Whether and how a think note is made before the draft; none by default. */
  thinkNotes?: ThinkNoteSettings;
  /** Best of N: draft this many candidates and keep the best (see `draftCandidates`). */
  candidates?: SectionCandidates;
  emit: (event: RunEventInput) => Promise<void>;
}

/** A section step's options with their defaults. */
export type SectionStep = SectionStepOptions &
  Required<Pick<SectionStepOptions, 'reviewCall' | 'budgetStop' | 'divide' | 'thinkNotes'>>;

/** The options of a section step with their defaults applied. */
export function sectionStep(options: SectionStepOptions): SectionStep {
  return {
    ...options,
    reviewCall: options.reviewCall ?? options.call,
    budgetStop: options.budgetStop ?? (() => undefined),
    divide: options.divide ?? true,
    thinkNotes: options.thinkNotes ?? { mode: 'off' },
  };
}
