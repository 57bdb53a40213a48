import { countWords } from '../../evaluators/count-words.js';
import type { PlanSection } from '../../planner/plan-schema.js';
import { type RunStore, sectionName } from '../../store/run-store.js';
import { slugify } from '../../util/slugify.js';
import type { SectionStepResult } from '../run-section-step.js';
import type { UnitState } from './unit-state.js';

/**
 * Commits the section `index` a step wrote: the plan when the step changed it, the think note,
 * then the section's file, which commits both; the state learns its text. Returns the section
 * as the plan now has it, and its file.
 */
export async function commitSection({
  state,
  store,
  index,
  step,
}: {
  state: UnitState;
  store: RunStore;
  index: number;
  step: SectionStepResult;
}): Promise<{ section: PlanSection; file: string }> {
  if (step.plan) {
    state.plan = step.plan;
    await store.writePlan(state.plan);
  }
  const section = state.plan.sections[index]!;
  const name = { index, slug: slugify({ text: section.title }) };
  // The note first: the section's file, once written, commits both.
  if (step.thinkNote !== undefined) {
    await store.writeThinkNote({ name: sectionName(name), text: step.thinkNote });
  }
  const file = await store.writeSection({ ...name, text: step.text });
  state.texts.set(index, step.text);
  state.counts.set(index, countWords(step.text));
  const kept = state.sections.findIndex((each) => each.index === index);
  if (kept >= 0) state.sections.splice(kept, 1);
  state.sections.push({ index, file, text: step.text });
  return { section, file };
}
