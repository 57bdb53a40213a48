import { countWords } from '../evaluators/count-words.js';
import { checkLengthGate } from '../evaluators/length-gate.js';
import { assembleDocument } from '../markdown/assemble-document.js';
import type { CallSettings } from '../model/call-settings.js';
import { capacityTooLow, type ReplyCapacity } from '../model/reply-capacity.js';
import type { UsageMeter } from '../model/usage-meter.js';
import { addUsage } from '../model/usage-meter.js';
import type { Plan } from '../planner/plan-schema.js';
import { type RunStore, type StoredSection, sectionName } from '../store/run-store.js';
import type { Task } from '../task/task-schema.js';
import { slugify } from '../util/slugify.js';
import { budgetStop, costOf, type RunBudget } from './budget.js';
import { sectionLengthBounds } from './checks/check-length.js';
import type { SectionCheck } from './checks/section-check.js';
import { collectThinking } from './collect-thinking.js';
import type { ContextPolicy } from './context/build-step-context.js';
import type { Ledger } from './ledger/ledger-schema.js';
import { type LedgerMode, updateLedger } from './ledger/update-ledger.js';
import { capacityStopReason } from './length/capacity-stop-reason.js';
import { condenseToCeiling } from './length/condense-to-ceiling.js';
import { refitPlan } from './length/refit-plan.js';
import type { RunEventInput } from './run-events.js';
import { runSectionStep, type SectionStepSettings, type StepLimits } from './run-section-step.js';

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

  for (let index = 0; index < plan.sections.length; index++) {
    const existing = texts.get(index);
    if (existing !== undefined && !(repairLength && offBudget(existing, plan, index, settings))) {
      continue;
    }
    const stop = budgetStop({ totals: meter.totals(), budget });
    if (stop) return end({ status: 'stopped', stopReason: stop });
    if (adaptive && capacityTooLow({ capacity, minWords: settings.minWordsPerReply })) {
      return end({ status: 'incomplete-length', stopReason: stopReason() });
    }
    if (adaptive && existing === undefined) {
      const refit = refitPlan({
        plan,
        from: index,
        writtenWords: written(),
        capacity,
        slack,
        minWordsPerReply: settings.minWordsPerReply,
        windowWords: windowWords?.(),
      });
      if (refit.plan !== plan) {
        plan = refit.plan;
        await store.writePlan(plan);
        for (const event of refit.events) await emit(event);
      }
    }

    const previous = plan.sections.slice(0, index).map((_, position) => texts.get(position) ?? '');
    const slug = slugify({ text: plan.sections[index]!.title });
    const thinking = collectThinking({
      save: (text) => store.writeThinking({ name: sectionName({ index, slug }), text }),
    });
    const stepCall = { ...call, onThinking: thinking.onThinking };
    const stepReviewCall = { ...reviewCall, onThinking: thinking.onThinking };
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
      budgetStop: () => budgetStop({ totals: meter.totals(), budget }),
      emit,
    });
    // Before the section: a committed section is never redone, so its thinking must be on disk.
    await thinking.flush();
    capacity = step.capacity;
    await saveCapacity(capacity);
    if (step.capacityStop) return end({ status: 'incomplete-length', stopReason: stopReason() });
    if (step.plan) {
      plan = step.plan;
      await store.writePlan(plan);
    }
    const section = plan.sections[index]!;
    const file = await store.writeSection({
      index,
      slug: slugify({ text: section.title }),
      text: step.text,
    });
    texts.set(index, step.text);
    counts.set(index, countWords(step.text));
    const kept = sections.findIndex((each) => each.index === index);
    if (kept >= 0) sections.splice(kept, 1);
    sections.push({ index, file, text: step.text });

    // A repaired section's facts are already in the ledger.
    const updated =
      existing === undefined
        ? await updateLedger({
            ledger,
            plan,
            index,
            text: step.text,
            notes: step.notes,
            mode: ledgerMode,
            call: stepReviewCall,
          })
        : undefined;
    await thinking.flush();
    if (updated) {
      ledger = updated.ledger;
      await store.writeLedger(ledger);
    }

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
    });
  }
  if (adaptive && settings.lengthCeiling !== undefined) {
    const condensed = await condenseToCeiling({
      task,
      plan,
      sections: end({ status: 'completed' }).sections,
      // The gate judges the assembled document: its headings count too.
      ceilingWords:
        checkLengthGate({
          produced: 0,
          required: task.words,
          gate: { floor: 0, ceiling: settings.lengthCeiling },
        }).ceilingWords - headingWords(plan),
      store,
      settings,
      checks,
      call: reviewCall,
      capacity,
      budgetStop: () => budgetStop({ totals: meter.totals(), budget }),
      emit,
    });
    if (condensed.calls > 0) {
      sections.splice(0, sections.length, ...condensed.sections);
      capacity = condensed.capacity;
      await saveCapacity(capacity);
    }
  }
  return end({ status: 'completed' });

  function stopReason(): string {
    return capacityStopReason({
      capacity,
      minWordsPerReply: settings.minWordsPerReply,
      remainingWords: Math.max(0, plan.words - written()),
    });
  }
}

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
