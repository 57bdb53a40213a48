import { countWords } from '../evaluators/count-words.js';
import { checkLengthGate } from '../evaluators/length-gate.js';
import { assembleDocument } from '../markdown/assemble-document.js';
import type { CallSettings } from '../model/call-settings.js';
import { capacityTooLow, type ReplyCapacity } from '../model/reply-capacity.js';
import type { UsageMeter } from '../model/usage-meter.js';
import { addUsage } from '../model/usage-meter.js';
import type { RetryEvent } from '../model/with-retry.js';
import type { Plan } from '../planner/plan-schema.js';
import { type RunStore, type StoredSection, sectionName } from '../store/run-store.js';
import type { Task } from '../task/task-schema.js';
import { slugify } from '../util/slugify.js';
import { budgetStop, costOf, type RunBudget } from './budget.js';
import type { CandidateSettings } from './candidates/draft-candidates.js';
import { sectionLengthBounds } from './checks/check-length.js';
import type { SectionCheck } from './checks/section-check.js';
import { collectThinking } from './collect-thinking.js';
import type { ContextPolicy } from './context/build-step-context.js';
import type { Ledger } from './ledger/ledger-schema.js';
import { type LedgerMode, updateLedger } from './ledger/update-ledger.js';
import { capacityStopReason } from './length/capacity-stop-reason.js';
import { condenseToCeiling } from './length/condense-to-ceiling.js';
import { refitPlan } from './length/refit-plan.js';
import { type RunEventInput, retryEvent } from './run-events.js';
import { runSectionStep, type SectionStepSettings, type StepLimits } from './run-section-step.js';
import { neighbourBriefs } from './schedule/neighbour-briefs.js';
import { readySections } from './schedule/ready-sections.js';
import { sectionReservation } from './schedule/section-reservation.js';
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
  const sections = [...done];
  const texts = new Map(done.map((section) => [section.index, section.text]));
  let ledger = initialLedger;
  let plan = initialPlan;
  let capacity = initialCapacity;
  const adaptive = settings.lengthPolicy === 'adaptive';
  const counts = new Map(done.map((section) => [section.index, countWords(section.text)]));
  const written = () => [...counts.values()].reduce((sum, words) => sum + words, 0);
  const end = (result: Omit<ControlUnitResult, 'sections' | 'plan' | 'capacity'>) => ({
    ...result,
    sections: [...sections].sort((left, right) => left.index - right.index),
    plan,
    capacity,
  });

  // Sections not to be redone; the scheduler starts the rest, up to `parallel` at once.
  const finished = new Set(
    done
      .filter(
        (section) => !(repairLength && offBudget(section.text, plan, section.index, settings)),
      )
      .map((section) => section.index),
  );
  const running = new Map<number, Promise<StepOutcome>>();
  const reserved = new Map<number, number>();
  const held = () => [...reserved.values()].reduce((sum, tokens) => sum + tokens, 0);
  const stopForBudget = () =>
    budgetStop({ totals: meter.totals(), budget, reservedTokens: held() });
  // The plan may be reshaped (refitted, divided) only while nothing runs or is written after.
  const reshapable = (index: number) =>
    running.size === 0 && ![...finished].some((other) => other > index);
  let ledgerUpdates: Promise<unknown> = Promise.resolve();
  let halt: Omit<ControlUnitResult, 'sections' | 'plan' | 'capacity'> | undefined;
  let failure: { error: unknown } | undefined;

  for (;;) {
    const slots = halt || failure ? 0 : parallel - running.size;
    // Refitted from the first section not written, everything before it being written: with
    // the largest sections started first, that is not the first to start.
    const first = plan.sections.findIndex((_, index) => !finished.has(index));
    const refittable =
      slots > 0 &&
      adaptive &&
      // Stryker disable next-line ConditionalExpression: with every section finished, reshapable(-1) is false anyway
      first >= 0 &&
      !texts.has(first) &&
      reshapable(first) &&
      // A run about to stop keeps its plan as it is.
      !stopForBudget() &&
      !capacityTooLow({ capacity, minWords: settings.minWordsPerReply });
    if (refittable) {
      const refit = refitPlan({
        plan,
        from: first,
        writtenWords: written(),
        capacity,
        slack,
        minWordsPerReply: settings.minWordsPerReply,
        windowWords: windowWords?.(),
        ceilingWords: ceilingWords(),
      });
      if (refit.stopReason) {
        halt = { status: 'incomplete-length', stopReason: refit.stopReason };
        continue;
      }
      if (refit.plan !== plan) {
        plan = refit.plan;
        await store.writePlan(plan);
        for (const event of refit.events) await emit(event);
      }
    }
    for (const index of readySections({
      plan,
      finished,
      running: new Set(running.keys()),
      slots,
      longestFirst: parallel > 1,
    })) {
      const stop = stopForBudget();
      if (stop) {
        halt = { status: 'stopped', stopReason: stop };
        break;
      }
      if (adaptive && capacityTooLow({ capacity, minWords: settings.minWordsPerReply })) {
        halt = { status: 'incomplete-length', stopReason: stopReason() };
        break;
      }
      // Each candidate is a draft of its own: the reservation holds room for all of them.
      reserved.set(
        index,
        sectionReservation({ section: plan.sections[index]!, request: task.prompt }) *
          (candidates?.count ?? 1),
      );
      // A section divided mid-draft shifts the indexes after it: only when none can start alongside.
      running.set(index, draft(index, parallel === 1 && reshapable(index)));
    }
    if (running.size === 0) break;
    const outcome = await Promise.race(running.values());
    running.delete(outcome.index);
    reserved.delete(outcome.index);
    if ('error' in outcome) failure ??= { error: outcome.error };
    else {
      finished.add(outcome.index);
      if (outcome.capacityStop) halt ??= { status: 'incomplete-length', stopReason: stopReason() };
    }
  }
  if (failure) throw failure.error;
  if (halt) return end(halt);

  const ceiling = ceilingWords();
  if (adaptive && ceiling !== undefined) {
    const condensed = await condenseToCeiling({
      task,
      plan,
      // Stryker disable next-line ObjectLiteral,StringLiteral: only the sorted sections of this result are read
      sections: end({ status: 'completed' }).sections,
      ceilingWords: ceiling,
      store,
      settings,
      checks,
      call: reviewCall,
      capacity,
      budgetStop: stopForBudget,
      emit,
    });
    if (condensed.calls > 0) {
      sections.splice(0, sections.length, ...condensed.sections);
      capacity = condensed.capacity;
      await saveCapacity(capacity);
    }
  }
  return end({ status: 'completed' });

  /** Drafts (or repairs) one section and commits it; never rejects (its error is returned). */
  async function draft(index: number, divide: boolean): Promise<StepOutcome> {
    try {
      return { index, capacityStop: await commitStep(index, divide) };
    } catch (error) {
      return { index, error };
    }
  }

  /** One step of the loop; true when the model writes too little per reply to go on. */
  async function commitStep(index: number, divide: boolean): Promise<boolean> {
    const existing = texts.get(index);
    const previous = plan.sections.slice(0, index).map((_, position) => texts.get(position) ?? '');
    const slug = slugify({ text: plan.sections[index]!.title });
    const thinking = collectThinking({
      save: (text) => store.writeThinking({ name: sectionName({ index, slug }), text }),
    });
    // With sections in flight at once, each retry names the section whose call it was.
    const sectionId = plan.sections[index]!.id;
    const onRetry = (retry: RetryEvent) => void emit(retryEvent({ retry, sectionId }));
    const stepCall = { ...call, onThinking: thinking.onThinking, onRetry };
    const stepReviewCall = { ...reviewCall, onThinking: thinking.onThinking, onRetry };
    const step = await runSectionStep({
      task,
      plan,
      index,
      ledger,
      previous,
      policy,
      limits,
      settings,
      checks,
      call: stepCall,
      reviewCall: stepReviewCall,
      capacity,
      existing,
      // What this step spends is metered as it goes: only the others' reservations are held.
      budgetStop: () =>
        budgetStop({
          totals: meter.totals(),
          budget,
          reservedTokens: held() - (reserved.get(index) ?? 0),
        }),
      neighbours: parallel > 1 ? await neighbourBriefs({ plan, index }) : undefined,
      divide,
      thinkNotes: { mode: thinkNotes.mode, stored: thinkNotes.journalled.get(sectionId) },
      candidates:
        candidates && existing === undefined
          ? { settings: candidates, name: sectionName({ index, slug }) }
          : undefined,
      emit,
    });
    // Before the section: a committed section is never redone, so its thinking must be on disk.
    await thinking.flush();
    capacity = step.capacity;
    await saveCapacity(capacity);
    if (step.capacityStop) return true;
    if (step.plan) {
      plan = step.plan;
      await store.writePlan(plan);
    }
    const section = plan.sections[index]!;
    const name = { index, slug: slugify({ text: section.title }) };
    // The note first: the section's file, once written, commits both.
    if (step.thinkNote !== undefined) {
      await store.writeThinkNote({ name: sectionName(name), text: step.thinkNote });
    }
    const file = await store.writeSection({ ...name, text: step.text });
    texts.set(index, step.text);
    counts.set(index, countWords(step.text));
    const kept = sections.findIndex((each) => each.index === index);
    if (kept >= 0) sections.splice(kept, 1);
    sections.push({ index, file, text: step.text });

    // A repaired section's facts are already in the ledger. Updates run one at a time, in the
    // order sections finish, so concurrent sections never overwrite each other's facts.
    const updating = ledgerUpdates.then(async () => {
      if (existing !== undefined) return undefined;
      const result = await updateLedger({
        ledger,
        plan,
        index,
        text: step.text,
        notes: step.notes,
        mode: ledgerMode,
        call: stepReviewCall,
      });
      ledger = result.ledger;
      await store.writeLedger(ledger);
      return result;
    });
    ledgerUpdates = updating.catch(() => {});
    const updated = await updating;
    await thinking.flush();

    await emit({
      type: 'step-end',
      sectionId: section.id,
      index,
      file,
      words: counts.get(index)!,
      budget: section.words,
      attempts: step.attempts,
      findings: step.findings,
      usage: updated ? addUsage(step.usage, updated.usage) : step.usage,
      ...(step.lengthStop ? { lengthStop: step.lengthStop } : {}),
    });
    const totals = meter.totals();
    await emit({
      type: 'usage',
      totals,
      costUsd: costOf({ totals, budget }),
      wordsWritten: written(),
      sectionsDone: texts.size,
      sectionsTotal: plan.sections.length,
      sectionId: section.id,
    });
    return false;
  }

  /** The most words the sections may hold: the gate judges the assembled document, headings too. */
  function ceilingWords(): number | undefined {
    if (settings.lengthCeiling === undefined) return undefined;
    const gate = { floor: 0, ceiling: settings.lengthCeiling };
    const { ceilingWords: words } = checkLengthGate({ produced: 0, required: task.words, gate });
    return words - headingWords(plan);
  }

  function stopReason(): string {
    return capacityStopReason({
      capacity,
      minWordsPerReply: settings.minWordsPerReply,
      remainingWords: Math.max(0, plan.words - written()),
    });
  }
}

/** How one section step ended: committed, stopped for the model's capacity, or failed. */
type StepOutcome = { index: number; capacityStop: boolean } | { index: number; error: unknown };

/** True when a committed section's length is outside what its length check accepts. */
function offBudget(
  text: string,
  plan: Plan,
  index: number,
  settings: SectionStepSettings,
): boolean {
  const { low, high } = sectionLengthBounds({ budget: plan.sections[index]!.words, settings });
  const words = countWords(text);
  return words < low || words > high;
}

/** Words the assembled document adds to its sections: the title and the section headings. */
function headingWords(plan: Plan): number {
  const sections = plan.sections.map((section) => ({ ...section, text: '' }));
  return countWords(assembleDocument({ title: plan.title, sections }));
}
