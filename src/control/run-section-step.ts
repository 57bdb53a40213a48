import { reviseSection } from '../agents/revise-section.js';
import { writeSection } from '../agents/write-section.js';
import { ContextOverflowError } from '../errors/context-overflow-error.js';
import { countWords } from '../evaluators/count-words.js';
import type { Finding } from '../evaluators/finding.js';
import type { CallSettings } from '../model/call-settings.js';
import { widenWindowAdvice } from '../model/context/server-kind.js';
import {
  capacityTooLow,
  observeReply,
  type ReplyCapacity,
  type ReplyMeasure,
  wordsPerReply,
} from '../model/reply-capacity.js';
import { addUsage, type CallUsage, emptyUsage } from '../model/usage-meter.js';
import type { Plan } from '../planner/plan-schema.js';
import type { Task } from '../task/task-schema.js';
import { draftCandidates, type SectionCandidates } from './candidates/draft-candidates.js';
import type { SectionCheck } from './checks/section-check.js';
import {
  buildStepContext,
  type ContextLimits,
  type ContextPolicy,
} from './context/build-step-context.js';
import { overflowFinding } from './context/context-stop.js';
import { retryAfterOverflow } from './context/retry-after-overflow.js';
import type { Ledger } from './ledger/ledger-schema.js';
import { divideAfterDraft } from './length/divide-after-draft.js';
import type { LengthAttempt } from './length/length-repair-policy.js';
import { nextRepair } from './length/next-repair.js';
import { chooseRepair } from './repair-policy.js';
import type { RunEventInput } from './run-events.js';
import { noteFromDraft } from './think/note-from-draft.js';
import { type SectionThought, thinkBeforeSection } from './think/think-before-section.js';
import type { ThinkNoteSettings } from './think/think-note-mode.js';

/** Settings of the write-check-repair loop of one section. */
export interface SectionStepSettings {
  lengthTolerance: number;
  /** The length gate's ceiling: no section may run past it, whatever the tolerance. */
  lengthCeiling?: number;
  maxOverlap: number;
  repairAttempts: number;
  continuationAttempts: number;
  lengthPolicy: 'adaptive' | 'fixed';
  maxCallsPerSection: number;
  minWordsPerReply: number;
  minProgress: number;
}

/** The section as it will be committed. */
export interface SectionStepResult {
  text: string;
  notes: string[];
  /** Findings of the kept draft; non-empty only when the repairs ran out. */
  findings: Finding[];
  attempts: number;
  usage: CallUsage;
  /** The capacity estimate with this step's replies added. */
  capacity: ReplyCapacity;
  /** The plan, when the draft showed the section does not fit one reply (divided, or cut to the draft). */
  plan?: Plan;
  /** Why length repairs stopped short of the budget, when they did. */
  lengthStop?: string;
  /** True when the model writes too little per reply to go on: the section is not kept. */
  capacityStop?: boolean;
  /** The think note the draft was written from, when one was made. */
  thinkNote?: string;
}

/** The limits of a step's context, besides the window (which the run's `call.window` holds). */
export type StepLimits = Omit<ContextLimits, 'windowTokens'>;

/**
 * One instruction of the control unit: build the context, write, check, and repair until the
 * checks pass or the repairs stop (see `nextRepair`). The best draft is kept (fewest errors,
 * then closest to its budget), with its remaining findings, so a failed repair never makes a
 * section worse. Every reply is measured into the capacity estimate; when the draft shows the
 * model stops well short of a section that does not fit one reply, the section is divided
 * (the draft becomes its first part) rather than expanded call after call. With `existing`, a
 * committed section is repaired instead of drafted anew.
 *
 * The prompt and reply are fitted to the run's context window. When the server still refuses
 * them, or cuts the prompt silently, the window has learned its size: the step records a
 * finding and is written once more, shrunk to fit; a second time stops the run with the
 * numbers. A repair that cannot fit is skipped, with a finding.
 */
export async function runSectionStep({
  task,
  plan: givenPlan,
  index,
  ledger,
  previous,
  policy,
  limits,
  settings,
  checks,
  call,
  reviewCall = call,
  capacity: givenCapacity,
  existing,
  budgetStop = () => undefined,
  neighbours,
  divide = true,
  thinkNotes = { mode: 'off' },
  candidates,
  emit,
}: {
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
}): Promise<SectionStepResult> {
  let plan = givenPlan;
  let section = plan.sections[index]!;
  let capacity = givenCapacity;
  const adaptive = settings.lengthPolicy === 'adaptive';
  const observe = (replies: ReplyMeasure[]) => {
    for (const reply of replies) capacity = observeReply({ capacity, reply });
  };
  const tooLow = () =>
    adaptive && capacityTooLow({ capacity, minWords: settings.minWordsPerReply });
  const maxOutputTokens = outputAllowance(section.words);
  const check = (text: string, truncated: boolean): Finding[] => [
    ...checks.flatMap((run) => run({ text, section, index, plan, previous, settings })),
    ...(truncated ? [truncatedFinding(section.id)] : []),
  ];

  let usage = emptyUsage;
  let notes: string[] = [];
  let calls = 0;
  let start: { text: string; truncated: boolean; stripped: Finding[] } = {
    // Stryker disable next-line StringLiteral: without `existing` the draft below replaces this start
    text: existing ?? '',
    truncated: false,
    stripped: [],
  };
  const contextFindings: Finding[] = [];
  let thinkNote: string | undefined;
  if (existing === undefined) {
    // Made once, shared by every candidate: a write retried after an overflow, or another
    // sample of the same section, keeps the note it was planned with.
    let thinking: Promise<SectionThought> | undefined;
    // Read when called: a write retried after an overflow sees the narrowed window.
    const contextFor = (block: string, outputTokens: number) => {
      const window = call.window;
      return buildStepContext({
        policy,
        task,
        plan,
        index,
        ledger,
        previous,
        limits: { ...limits, windowTokens: window?.budget() ?? Number.MAX_SAFE_INTEGER },
        outputTokens,
        count: window ? (text) => window.counter.count(text) : undefined,
        widenAdvice: widenWindowAdvice({ server: window?.state.server }),
        neighbours,
        thinkNote: block,
      });
    };
    const think = () =>
      (thinking ??= thinkBeforeSection({
        settings: thinkNotes,
        index,
        sectionId: section.id,
        call,
        promptFor: contextFor,
        emit,
      }));
    const write = async (seed?: number) => {
      const thought = await think();
      const context = await contextFor(thought.block, maxOutputTokens);
      if (seed === undefined) {
        await emit(stepStart({ section, index, attempt: 1, action: 'write', context }));
      }
      const written = await writeSection({
        settings: call,
        system: context.system,
        prompt: context.prompt,
        section,
        lang: task.lang,
        maxOutputTokens: context.maxOutputTokens,
        continuationAttempts: settings.continuationAttempts,
        seed,
      });
      return { ...written, system: context.system, prompt: context.prompt };
    };
    const fitted = (seed?: number) =>
      retryAfterOverflow({
        run: () => write(seed),
        window: call.window,
        request: task.prompt,
        step: `section ${index + 1}`,
        onOverflow: (error) =>
          contextFindings.push(overflowFinding({ error, sectionId: section.id })),
      });
    const draft = candidates
      ? await draftCandidates({
          ...candidates,
          section,
          index,
          previous,
          request: task.prompt,
          write: fitted,
          check,
          emit,
        })
      : await fitted();
    const thought = await think();
    const noted = await noteFromDraft({
      settings: thinkNotes,
      thought,
      drafted: draft.thinkNote,
      index,
      sectionId: section.id,
      emit,
    });
    thinkNote = noted.note;
    usage = addUsage(thought.usage, draft.usage);
    notes = draft.notes;
    calls = draft.calls;
    observe(draft.replies);
    start = {
      text: draft.text,
      truncated: draft.truncated,
      stripped: [...draft.stripped, ...noted.findings],
    };
    const ended = { notes, usage, capacity, findings: [], attempts: 1 };
    if (tooLow()) return { ...ended, text: draft.text, capacityStop: true };
    const divided =
      adaptive && divide
        ? divideAfterDraft({
            plan,
            index,
            drafted: countWords(draft.text),
            capacity,
            tolerance: settings.lengthTolerance,
            minWordsPerReply: settings.minWordsPerReply,
          })
        : undefined;
    if (divided) {
      plan = divided.plan;
      section = plan.sections[index]!;
      await emit({
        type: 'plan-refit',
        reason: divided.reason,
        index,
        sections: plan.sections.length,
        wordsPerReply: divided.reason === 'floor' ? capacity.floor : wordsPerReply(capacity),
      });
    }
  }
  let best = { text: start.text, findings: check(start.text, start.truncated) };
  let current = best;
  await emitCheck({
    emit,
    sectionId: section.id,
    attempt: 1,
    usage,
    stripped: start.stripped,
    ...best,
  });

  let attempt = 1;
  let rewrites = 0;
  let last: LengthAttempt | undefined;
  let lengthStop: string | undefined;
  for (
    let action = chooseRepair(current.findings);
    action;
    action = chooseRepair(current.findings)
  ) {
    const words = countWords(current.text);
    const next = nextRepair({
      action,
      settings,
      repairs: attempt - 1,
      rewrites,
      calls,
      words,
      budget: section.words,
      wordsPerReply: wordsPerReply(capacity),
      last,
      budgetStop: budgetStop(),
    });
    if ('stop' in next) {
      if (action !== 'rewrite') lengthStop = next.stop;
      break;
    }
    attempt++;
    await emit(stepStart({ section, index, attempt, action }));
    let revised: Awaited<ReturnType<typeof reviseSection>>;
    try {
      revised = await reviseSection({
        settings: reviewCall,
        request: task.prompt,
        section,
        text: current.text,
        findings: current.findings,
        action,
        words: next.words,
        lang: task.lang,
        maxOutputTokens,
      });
    } catch (error) {
      if (!(error instanceof ContextOverflowError)) throw error;
      contextFindings.push(repairSkipped({ sectionId: section.id, action }));
      break;
    }
    calls++;
    usage = addUsage(usage, revised.usage);
    observe([revised.reply]);
    if (action === 'rewrite') rewrites++;
    else if (next.words !== undefined) {
      last = { action, before: words, after: countWords(revised.text), asked: next.words };
    }
    current = {
      text: revised.text,
      findings: check(revised.text, revised.finishReason === 'length'),
    };
    await emitCheck({
      emit,
      sectionId: section.id,
      attempt,
      usage: revised.usage,
      stripped: revised.stripped,
      ...current,
    });
    if (isBetter({ candidate: current, than: best, budget: section.words })) best = current;
    if (tooLow()) {
      return { ...best, notes, attempts: attempt, usage, capacity, capacityStop: true };
    }
  }
  return {
    text: best.text,
    notes,
    findings: [...best.findings, ...contextFindings],
    attempts: attempt,
    usage,
    capacity,
    ...(plan !== givenPlan ? { plan } : {}),
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a repair stops only while the best draft has errors, so it always has findings
    ...(lengthStop && best.findings.length > 0 ? { lengthStop } : {}),
    ...(thinkNote === undefined ? {} : { thinkNote }),
  };
}

function repairSkipped({ sectionId, action }: { sectionId: string; action: string }): Finding {
  return {
    evaluator: 'check',
    ruleId: 'context/repair-skipped',
    severity: 'warning',
    message: `the ${action} repair was skipped: the draft and its instructions do not fit the model's context window`,
    location: { section: sectionId },
  };
}

/** Output tokens one reply may use: about twice the budget, for headroom and the notes. */
export function outputAllowance(words: number): number {
  return Math.min(16_000, Math.ceil(words * 2.5) + 300);
}

function stepStart({
  section,
  index,
  attempt,
  action,
  context,
}: {
  section: Plan['sections'][number];
  index: number;
  attempt: number;
  action: 'write' | 'expand' | 'condense' | 'rewrite';
  context?: { tokens: number; stableTokens: number; trimmed: string[] };
}): RunEventInput {
  return {
    type: 'step-start',
    sectionId: section.id,
    index,
    title: section.title,
    budget: section.words,
    attempt,
    action,
    contextTokens: context?.tokens ?? 0,
    stableTokens: context?.stableTokens ?? 0,
    trimmed: context?.trimmed ?? [],
  };
}

function isBetter({
  candidate,
  than,
  budget,
}: {
  candidate: { text: string; findings: Finding[] };
  than: { text: string; findings: Finding[] };
  budget: number;
}): boolean {
  const errors = (findings: Finding[]) =>
    findings.filter((finding) => finding.severity === 'error').length;
  const miss = (text: string) => Math.abs(countWords(text) - budget);
  return (
    errors(candidate.findings) < errors(than.findings) ||
    (errors(candidate.findings) === errors(than.findings) && miss(candidate.text) < miss(than.text))
  );
}

function truncatedFinding(sectionId: string): Finding {
  return {
    evaluator: 'check',
    ruleId: 'check/truncated',
    severity: 'error',
    message: 'the reply was still cut off by the output limit after the allowed continuations',
    location: { section: sectionId },
  };
}

/** Journals a draft's checks, after what cleaning stripped from it (as `info` findings). */
async function emitCheck({
  emit,
  sectionId,
  attempt,
  text,
  findings,
  usage,
  stripped,
}: {
  emit: (event: RunEventInput) => Promise<void>;
  sectionId: string;
  attempt: number;
  text: string;
  findings: Finding[];
  usage: CallUsage;
  stripped: Finding[];
}): Promise<void> {
  await emit({
    type: 'check-end',
    sectionId,
    attempt,
    words: countWords(text),
    passed: !findings.some((finding) => finding.severity === 'error'),
    findings: [...stripped, ...findings],
    usage,
  });
}
