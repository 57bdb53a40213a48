import { type ReviseSectionResult, reviseSection } from '../../agents/revise-section.js';
import { ContextOverflowError } from '../../errors/context-overflow-error.js';
import { countWords } from '../../evaluators/count-words.js';
import type { Finding } from '../../evaluators/finding.js';
import { observeReply, type ReplyCapacity, wordsPerReply } from '../../model/reply-capacity.js';
import { addUsage, type CallUsage } from '../../model/usage-meter.js';
import type { PlanSection } from '../../planner/plan-schema.js';
import type { LengthAttempt } from '../length/length-repair-policy.js';
import { nextRepair } from '../length/next-repair.js';
import { writesTooLittle } from '../length/writes-too-little.js';
import { chooseRepair } from '../repair-policy.js';
import { checkEndEvent } from './check-end-event.js';
import type { DraftedStep } from './draft-step.js';
import { type CheckedDraft, isBetterDraft } from './is-better-draft.js';
import { repairSkippedFinding } from './repair-skipped-finding.js';
import type { SectionStep } from './section-step-options.js';
import { stepStartEvent } from './step-start-event.js';

/** How the repairs of a section ended. */
export interface RepairedDraft {
  /** The best draft: fewest errors, then closest to its budget (see `isBetterDraft`). */
  best: CheckedDraft;
  /** Drafts checked, the first included. */
  attempts: number;
  usage: CallUsage;
  /** The capacity estimate with the repairs' replies added. */
  capacity: ReplyCapacity;
  /** Why length repairs stopped short, when they did. */
  lengthStop?: string;
  /** A warning when a repair could not fit the context window (repairs stop there). */
  skipped: Finding[];
  /** True when a reply showed the model writes too little per reply to go on. */
  capacityStop?: boolean;
}

/**
 * Repairs a checked draft until its checks pass or the repairs stop (see `chooseRepair` and
 * `nextRepair`), journalling each repair's start and checks. A repair that does not fit the
 * context window is skipped, with a finding, and ends the repairs.
 */
export async function repairDraft({
  step: { task, index, settings, reviewCall, budgetStop, emit },
  section,
  first,
  check,
  maxOutputTokens,
  drafted,
}: {
  step: SectionStep;
  /** The section as the plan now has it (divided, when the draft divided it). */
  section: PlanSection;
  /** The draft checked as attempt 1. */
  first: CheckedDraft;
  check: (text: string, truncated: boolean) => Finding[];
  maxOutputTokens: number;
  /** What drafting used and learned (nothing, for a committed section). */
  drafted: Pick<DraftedStep, 'calls' | 'usage' | 'capacity'>;
}): Promise<RepairedDraft> {
  let best = first;
  let current = first;
  let { calls, usage, capacity } = drafted;
  let attempt = 1;
  let rewrites = 0;
  let last: LengthAttempt | undefined;
  let lengthStop: string | undefined;
  const skipped: Finding[] = [];
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
    await emit(stepStartEvent({ section, index, attempt, action }));
    let revised: ReviseSectionResult;
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
      skipped.push(repairSkippedFinding({ sectionId: section.id, action }));
      break;
    }
    calls++;
    usage = addUsage(usage, revised.usage);
    capacity = observeReply({ capacity, reply: revised.reply });
    if (action === 'rewrite') rewrites++;
    else if (next.words !== undefined) {
      last = { action, before: words, after: countWords(revised.text), asked: next.words };
    }
    current = {
      text: revised.text,
      findings: check(revised.text, revised.finishReason === 'length'),
    };
    await emit(
      checkEndEvent({
        sectionId: section.id,
        attempt,
        usage: revised.usage,
        stripped: revised.stripped,
        ...current,
      }),
    );
    if (isBetterDraft({ candidate: current, than: best, budget: section.words })) best = current;
    if (writesTooLittle({ settings, capacity })) {
      return { best, attempts: attempt, usage, capacity, skipped, capacityStop: true };
    }
  }
  return { best, attempts: attempt, usage, capacity, skipped, lengthStop };
}
