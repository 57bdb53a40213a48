import type { Finding } from '../evaluators/finding.js';
import type { ReplyCapacity } from '../model/reply-capacity.js';
import { type CallUsage, emptyUsage } from '../model/usage-meter.js';
import type { Plan } from '../planner/plan-schema.js';
import type { ContextLimits } from './context/build-step-context.js';
import { writesTooLittle } from './length/writes-too-little.js';
import { checkDraft } from './section-step/check-draft.js';
import { checkEndEvent } from './section-step/check-end-event.js';
import { divideDraftedSection } from './section-step/divide-drafted-section.js';
import { type DraftedStep, draftStep } from './section-step/draft-step.js';
import { outputAllowance } from './section-step/output-allowance.js';
import { repairDraft } from './section-step/repair-draft.js';
import { type SectionStepOptions, sectionStep } from './section-step/section-step-options.js';

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
export async function runSectionStep(options: SectionStepOptions): Promise<SectionStepResult> {
  const step = sectionStep(options);
  const { plan: givenPlan, index, previous, settings, checks, existing, emit } = step;
  const maxOutputTokens = outputAllowance(givenPlan.sections[index]!.words);
  const checkIn =
    (plan: Plan) =>
    (text: string, truncated: boolean): Finding[] =>
      checkDraft({ checks, text, truncated, plan, index, previous, settings });

  let plan = givenPlan;
  let start: DraftedStep = {
    // Stryker disable next-line StringLiteral: without `existing` the draft below replaces this start
    text: existing ?? '',
    truncated: false,
    stripped: [],
    notes: [],
    usage: emptyUsage,
    calls: 0,
    capacity: step.capacity,
    thinkNote: undefined,
    overflows: [],
  };
  if (existing === undefined) {
    start = await draftStep({ step, maxOutputTokens, check: checkIn(plan) });
    const { text, notes, usage, capacity } = start;
    if (writesTooLittle({ settings, capacity })) {
      return { notes, usage, capacity, findings: [], attempts: 1, text, capacityStop: true };
    }
    plan = await divideDraftedSection({
      plan,
      index,
      text,
      capacity,
      settings,
      divide: step.divide,
      emit,
    });
  }
  const section = plan.sections[index]!;
  const check = checkIn(plan);
  const first = { text: start.text, findings: check(start.text, start.truncated) };
  await emit(
    checkEndEvent({
      sectionId: section.id,
      attempt: 1,
      usage: start.usage,
      stripped: start.stripped,
      ...first,
    }),
  );

  const repaired = await repairDraft({
    step,
    section,
    first,
    check,
    maxOutputTokens,
    drafted: start,
  });
  const { best, attempts, usage, capacity, lengthStop } = repaired;
  if (repaired.capacityStop) {
    return { ...best, notes: start.notes, attempts, usage, capacity, capacityStop: true };
  }
  return {
    text: best.text,
    notes: start.notes,
    findings: [...best.findings, ...start.overflows, ...repaired.skipped],
    attempts,
    usage,
    capacity,
    ...(plan !== givenPlan ? { plan } : {}),
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a repair stops only while the best draft has errors, so it always has findings
    ...(lengthStop && best.findings.length > 0 ? { lengthStop } : {}),
    ...(start.thinkNote === undefined ? {} : { thinkNote: start.thinkNote }),
  };
}
