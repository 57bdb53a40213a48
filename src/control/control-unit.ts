import { countWords } from '../evaluators/count-words.js';
import type { CallSettings } from '../model/call-settings.js';
import type { UsageMeter } from '../model/usage-meter.js';
import { addUsage } from '../model/usage-meter.js';
import type { Plan } from '../planner/plan-schema.js';
import { type RunStore, type StoredSection, sectionName } from '../store/run-store.js';
import type { Task } from '../task/task-schema.js';
import { slugify } from '../util/slugify.js';
import { budgetStop, costOf, type RunBudget } from './budget.js';
import type { SectionCheck } from './checks/section-check.js';
import { collectThinking } from './collect-thinking.js';
import type { ContextPolicy } from './context/build-step-context.js';
import type { Memory } from './memory/memory-schema.js';
import { type MemoryMode, rememberSection } from './memory/remember-section.js';
import type { RunEventInput } from './run-events.js';
import { runSectionStep, type SectionStepSettings, type StepLimits } from './run-section-step.js';

/** How the control unit's loop ended. */
export interface ControlUnitResult {
  status: 'completed' | 'stopped';
  /** Why it stopped early (a budget). */
  stopReason?: string;
  sections: StoredSection[];
}

/**
 * The one loop of quire: for each pending instruction, build its context, write it, check and
 * repair it, commit it to the run directory (with the model's thinking beside it, when it
 * thought), and update the memory. Finished sections found in the store are never redone, so a
 * killed run resumes where it stopped. Stops (resumably) before a step once a budget is spent.
 */
export async function runControlUnit({
  task,
  plan,
  store,
  memory: initialMemory,
  done,
  policy,
  limits,
  settings,
  memoryMode,
  checks,
  call,
  meter,
  budget,
  emit,
}: {
  task: Task;
  plan: Plan;
  store: RunStore;
  memory: Memory;
  /** Sections already committed, from the store. */
  done: StoredSection[];
  policy: ContextPolicy;
  limits: StepLimits;
  settings: SectionStepSettings;
  memoryMode: MemoryMode;
  checks: SectionCheck[];
  call: CallSettings;
  meter: UsageMeter;
  budget: RunBudget;
  emit: (event: RunEventInput) => Promise<void>;
}): Promise<ControlUnitResult> {
  const sections = [...done];
  const texts = new Map(done.map((section) => [section.index, section.text]));
  let wordsWritten = done.reduce((sum, section) => sum + countWords(section.text), 0);
  let memory = initialMemory;

  for (let index = 0; index < plan.sections.length; index++) {
    if (texts.has(index)) continue;
    const stop = budgetStop({ totals: meter.totals(), budget });
    if (stop) return { status: 'stopped', stopReason: stop, sections };

    const section = plan.sections[index]!;
    const previous = plan.sections.slice(0, index).map((_, position) => texts.get(position) ?? '');
    const slug = slugify({ text: section.title });
    const thinking = collectThinking({
      save: (text) => store.writeThinking({ name: sectionName({ index, slug }), text }),
    });
    const stepCall = { ...call, onThinking: thinking.onThinking };
    const step = await runSectionStep({
      task,
      plan,
      index,
      memory,
      previous,
      policy,
      limits,
      settings,
      checks,
      call: stepCall,
      emit,
    });
    // Before the section: a committed section is never redone, so its thinking must be on disk.
    await thinking.flush();
    const file = await store.writeSection({ index, slug, text: step.text });
    texts.set(index, step.text);
    const words = countWords(step.text);
    wordsWritten += words;
    sections.push({ index, file, text: step.text });

    const remembered = await rememberSection({
      memory,
      section,
      text: step.text,
      notes: step.notes,
      mode: memoryMode,
      call: stepCall,
    });
    await thinking.flush();
    memory = remembered.memory;
    await store.writeMemory(memory);

    await emit({
      type: 'step-end',
      sectionId: section.id,
      index,
      file,
      words,
      budget: section.words,
      attempts: step.attempts,
      findings: step.findings,
      usage: addUsage(step.usage, remembered.usage),
    });
    const totals = meter.totals();
    await emit({
      type: 'usage',
      totals,
      costUsd: costOf({ totals, budget }),
      wordsWritten,
      sectionsDone: texts.size,
      sectionsTotal: plan.sections.length,
    });
  }
  sections.sort((left, right) => left.index - right.index);
  return { status: 'completed', sections };
}
