import type { Finding } from '../evaluators/finding.js';
import type { ContextWindowState } from '../model/context/context-window.js';
import type { CallUsage, UsageTotals } from '../model/usage-meter.js';
import type { PlanFinding } from '../planner/plan-finding.js';
import type { RunStatus } from '../store/run-info-schema.js';

/** Fields every event carries. */
interface EventBase {
  /** ISO time the event happened. */
  time: string;
}

/** The run began (or resumed). */
export interface RunStartEvent extends EventBase {
  type: 'run-start';
  runId: string;
  resumed: boolean;
  targetWords: number;
  model: string;
  /** The model's context window as the run starts, and where its size came from. */
  contextWindow: ContextWindowState;
}

/** The plan is ready (made, supplied, or read back on resume). */
export interface PlanEndEvent extends EventBase {
  type: 'plan-end';
  sections: number;
  words: number;
  source: 'model' | 'file' | 'resumed' | 'skeleton';
  attempts: number;
  findings: PlanFinding[];
}

/**
 * The pending part of the plan changed: sections divided into parts that fit the model's
 * words per reply (`capacity`) or what its context window leaves for a reply (`window`), or
 * pending budgets rescaled to keep the document on its target (`rebalance`).
 */
export interface PlanRefitEvent extends EventBase {
  type: 'plan-refit';
  /** `floor`: pending sections merged so none is asked for less than the model writes at least. */
  reason: 'capacity' | 'window' | 'rebalance' | 'floor';
  /** The first section changed (0-based). */
  index: number;
  /** Sections in the plan now. */
  sections: number;
  /** Words per reply the parts were fitted to: the most (`capacity`, `window`), the least (`floor`). */
  wordsPerReply?: number;
  /** Words of the pending sections before and after (`rebalance`). */
  pendingWords?: { before: number; after: number };
}

/** A model call on a section began: the first draft, a repair or a continuation. */
export interface StepStartEvent extends EventBase {
  type: 'step-start';
  sectionId: string;
  index: number;
  title: string;
  budget: number;
  attempt: number;
  action: 'write' | 'expand' | 'condense' | 'rewrite';
  /** Estimated input tokens of the writer's prompt (0 for repairs, whose prompt is the draft). */
  contextTokens: number;
  /** Of those, the tokens of the prefix every step shares (cacheable by providers). */
  stableTokens: number;
  /** What was trimmed to fit the context budget, in order. */
  trimmed: string[];
}

/** The checks of one draft of a section ran. */
export interface CheckEndEvent extends EventBase {
  type: 'check-end';
  sectionId: string;
  attempt: number;
  words: number;
  passed: boolean;
  findings: Finding[];
  /** Tokens of the calls that made this draft (a repair's own calls, not the whole section). */
  usage?: CallUsage;
}

/** A section is committed to the run directory. */
export interface StepEndEvent extends EventBase {
  type: 'step-end';
  sectionId: string;
  index: number;
  file: string;
  words: number;
  budget: number;
  attempts: number;
  /** Findings still standing when the repair attempts ran out (kept, not hidden). */
  findings: Finding[];
  usage: CallUsage;
  /** True when the section was found finished on disk after a crash, not written now. */
  recovered?: boolean;
  /** Why its length repairs stopped short of the budget, when they did. */
  lengthStop?: string;
}

/**
 * A section's think note is made: by a call of its own before the draft (`call`, with its
 * usage), or split off the draft's reply (`marked`). The note is journalled so that a resumed
 * run writes the section from the same note instead of asking again.
 */
export interface ThinkEndEvent extends EventBase {
  type: 'think-end';
  sectionId: string;
  index: number;
  mode: 'call' | 'marked';
  /** The note; absent when the reply held none. */
  note?: string;
  words: number;
  /** What was wrong with the note (`think/missing-note`); empty when nothing was. */
  findings: Finding[];
  /** The note's own call (`call` mode); a marked note's tokens are the draft's. */
  usage?: CallUsage;
}

/** Running totals, after each section. */
export interface UsageEvent extends EventBase {
  type: 'usage';
  totals: UsageTotals;
  costUsd: number | undefined;
  wordsWritten: number;
  sectionsDone: number;
  sectionsTotal: number;
  /** The section whose end brought these totals. */
  sectionId?: string;
}

/** A call failed and will be retried. */
export interface RetryEvent extends EventBase {
  type: 'call-retry';
  /** The section whose call it was, when a section's step made it. */
  sectionId?: string;
  attempt: number;
  delayMs: number;
  error: string;
}

/** The run ended, for whatever reason. */
export interface RunEndEvent extends EventBase {
  type: 'run-end';
  status: RunStatus;
  reason?: string;
  words: number;
  totals: UsageTotals;
  costUsd: number | undefined;
}

/** The context window changed: learned from a refusal or from a prompt the server cut. */
export interface WindowChangeEvent extends EventBase, ContextWindowState {
  type: 'window-change';
  /** What taught it. */
  reason: string;
}

/** Something the user should know that does not stop the run; said once. */
export interface RunWarningEvent extends EventBase {
  type: 'run-warning';
  code: 'usage-estimated' | 'window-assumed';
  message: string;
}

/** Something failed; the run may still stop or go on. */
export interface RunErrorEvent extends EventBase {
  type: 'run-error';
  code: string;
  message: string;
  sectionId?: string;
}

/** A round of the plan critique began, on a plan of `sections` sections. */
export interface CritiqueStartEvent extends EventBase {
  type: 'critique-start';
  round: number;
  sections: number;
}

/** A round of the plan critique ended: see `plan/critique-round-N.json`. */
export interface CritiqueEndEvent extends EventBase {
  type: 'critique-end';
  round: number;
  findings: number;
  /** Whether the revision replaced the plan, and why or why not. */
  kept: boolean;
  reason: string;
  /** Model calls of the round: the critique, the revision and its recheck. */
  calls: number;
  usage: CallUsage;
}

/** A round of the whole-document review began. */
export interface ReviewStartEvent extends EventBase {
  type: 'review-start';
  round: number;
  sections: number;
}

/** A round's review is done: its findings are in `review/round-N/findings.json`. */
export interface ReviewEndEvent extends EventBase {
  type: 'review-end';
  round: number;
  findings: number;
  /** The ids of the sections the findings name: the ones to rewrite. */
  flagged: string[];
  /** Reviewer calls (one per window of the document). */
  calls: number;
  usage: CallUsage;
}

/** A flagged section was rewritten and rechecked: the rewrite kept, or the old text kept. */
export interface RewriteEndEvent extends EventBase {
  type: 'rewrite-end';
  round: number;
  sectionId: string;
  index: number;
  kept: boolean;
  findingsBefore: number;
  findingsAfter: number;
  /** The rewrite's and its recheck's calls. */
  usage: CallUsage;
}

/** One candidate draft of a section (best of N) is finished and on disk. */
export interface CandidateEndEvent extends EventBase {
  type: 'candidate-end';
  sectionId: string;
  index: number;
  /** The candidate's number, 1-based. */
  candidate: number;
  words: number;
  usage: CallUsage;
}

/** A section's candidates were compared: `kept` goes on to the checks and repairs. */
export interface SelectionEndEvent extends EventBase {
  type: 'selection-end';
  sectionId: string;
  index: number;
  kept: number;
  /** Each candidate's combined score, in candidate order (0 is best on every metric). */
  scores: number[];
}

/** The seams between sections drafted in parallel were checked: see `review/seams/findings.json`. */
export interface SeamCheckEndEvent extends EventBase {
  type: 'seam-check-end';
  /** Seams checked. */
  seams: number;
  findings: number;
  /** The ids of the later sections of the flagged seams: the openings to rewrite. */
  flagged: string[];
  calls: number;
  usage: CallUsage;
}

/** A flagged seam's later opening was rewritten and rechecked: the rewrite kept, or the old text. */
export interface SeamRepairEndEvent extends EventBase {
  type: 'seam-repair-end';
  /** The later section, whose opening was rewritten. */
  sectionId: string;
  index: number;
  /** The section before it. */
  earlierId: string;
  kept: boolean;
  findingsBefore: number;
  findingsAfter: number;
  /** The rewrite's and its recheck's calls. */
  usage: CallUsage;
}

/** Every event of a run, as journalled and as shown by the CLI. */
export type RunEvent =
  | RunStartEvent
  | PlanEndEvent
  | PlanRefitEvent
  | StepStartEvent
  | CheckEndEvent
  | StepEndEvent
  | ThinkEndEvent
  | UsageEvent
  | RetryEvent
  | RunEndEvent
  | RunErrorEvent
  | WindowChangeEvent
  | RunWarningEvent
  | CritiqueStartEvent
  | CritiqueEndEvent
  | ReviewStartEvent
  | ReviewEndEvent
  | RewriteEndEvent
  | CandidateEndEvent
  | SelectionEndEvent
  | SeamCheckEndEvent
  | SeamRepairEndEvent;

/** An event before its time stamp is added. */
export type RunEventInput = RunEvent extends infer E
  ? E extends RunEvent
    ? Omit<E, 'time'>
    : never
  : never;

/** The journal event for a call that failed and will be retried, named by its section if any. */
export function retryEvent({
  retry,
  sectionId,
}: {
  retry: { attempt: number; delayMs: number; error: { summary: string } };
  sectionId?: string;
}): RunEventInput {
  return {
    type: 'call-retry',
    ...(sectionId === undefined ? {} : { sectionId }),
    attempt: retry.attempt,
    delayMs: retry.delayMs,
    error: retry.error.summary,
  };
}
