import { writeSection } from '../../agents/write-section.js';
import type { Finding } from '../../evaluators/finding.js';
import { widenWindowAdvice } from '../../model/context/server-kind.js';
import { observeReply, type ReplyCapacity } from '../../model/reply-capacity.js';
import { addUsage, type CallUsage } from '../../model/usage-meter.js';
import { draftCandidates } from '../candidates/draft-candidates.js';
import { buildStepContext } from '../context/build-step-context.js';
import { overflowFinding } from '../context/context-stop.js';
import { retryAfterOverflow } from '../context/retry-after-overflow.js';
import { noteFromDraft } from '../think/note-from-draft.js';
import { type SectionThought, thinkBeforeSection } from '../think/think-before-section.js';
import type { SectionStep } from './section-step-options.js';
import { stepStartEvent } from './step-start-event.js';

/** A section's first draft, before its checks, with what making it cost and taught. */
export interface DraftedStep {
  text: string;
  /** True when the reply was still cut off after the allowed continuations. */
  truncated: boolean;
  /** What cleaning stripped from the replies, then the think note's findings. */
  stripped: Finding[];
  notes: string[];
  usage: CallUsage;
  calls: number;
  /** The capacity estimate with the draft's replies added. */
  capacity: ReplyCapacity;
  /** The think note the draft was written from, when one was made. */
  thinkNote: string | undefined;
  /** One finding for each time the server refused or cut the draft's prompt. */
  overflows: Finding[];
}

/**
 * Drafts section `index`: the think note first (when one is made; see `thinkBeforeSection`),
 * then the draft from a context fitted to the run's window, written once more when the server
 * still refuses or cuts the prompt (see `retryAfterOverflow`), or best of N with `candidates`.
 */
export async function draftStep({
  step,
  maxOutputTokens,
  check,
}: {
  step: SectionStep;
  maxOutputTokens: number;
  check: (text: string, truncated: boolean) => Finding[];
}): Promise<DraftedStep> {
  const { task, plan, index, previous, call, thinkNotes, candidates, emit } = step;
  const section = plan.sections[index]!;
  const overflows: Finding[] = [];
  // Made once, shared by every candidate: a write retried after an overflow, or another
  // sample of the same section, keeps the note it was planned with.
  let thinking: Promise<SectionThought> | undefined;
  // Read when called: a write retried after an overflow sees the narrowed window.
  const contextFor = (block: string, outputTokens: number) => {
    const window = call.window;
    return buildStepContext({
      policy: step.policy,
      task,
      plan,
      index,
      ledger: step.ledger,
      previous,
      limits: { ...step.limits, windowTokens: window?.budget() ?? Number.MAX_SAFE_INTEGER },
      outputTokens,
      count: window ? (text) => window.counter.count(text) : undefined,
      widenAdvice: widenWindowAdvice({ server: window?.state.server }),
      neighbours: step.neighbours,
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
      await emit(stepStartEvent({ section, index, attempt: 1, action: 'write', context }));
    }
    const written = await writeSection({
      settings: call,
      system: context.system,
      prompt: context.prompt,
      section,
      lang: task.lang,
      maxOutputTokens: context.maxOutputTokens,
      continuationAttempts: step.settings.continuationAttempts,
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
      onOverflow: (error) => overflows.push(overflowFinding({ error, sectionId: section.id })),
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
  return {
    text: draft.text,
    truncated: draft.truncated,
    stripped: [...draft.stripped, ...noted.findings],
    notes: draft.notes,
    usage: addUsage(thought.usage, draft.usage),
    calls: draft.calls,
    capacity: draft.replies.reduce(
      (known, reply) => observeReply({ capacity: known, reply }),
      step.capacity,
    ),
    thinkNote: noted.note,
    overflows,
  };
}
