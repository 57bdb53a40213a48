import { mergeUndersized } from '../../planner/merge-undersized.js';
import type { Plan, PlanSection } from '../../planner/plan-schema.js';
import { splitForCapacity } from '../../planner/split-for-capacity.js';
import { formatCount } from '../../util/format-count.js';

/** The pending plan fitted to the model's floor, or why the rest cannot be written in the gate. */
export interface FitToFloorResult {
  /** The same plan when nothing changed (or when the run must stop). */
  plan: Plan;
  /** Why no more sections can be written within the length gate's ceiling; undefined if they can. */
  stopReason?: string;
}

/**
 * Fits the pending sections (from `from` on) to a model that writes at least `floor` words per
 * reply however few it is asked for, so that no pending section is asked for less: the parts of
 * a section below the floor become fewer parts (no larger than `wordsPerReply`, or than the
 * largest part planned when that is unknown), a section still below it is merged into its
 * smaller neighbour (`mergeUndersized`) and what grew past one reply is divided again, and a
 * lone last section is raised to the floor. The pending budgets keep their total, so the plan
 * still meets its target. When not even one more reply fits under `ceilingWords`, the plan is
 * left as it is and `stopReason` says why and what to do: more calls could only overshoot. Pure.
 */
export function fitToFloor({
  plan,
  from,
  floor,
  wordsPerReply,
  writtenWords,
  ceilingWords,
}: {
  plan: Plan;
  from: number;
  floor: number;
  /** The most the model writes per reply, when known. */
  wordsPerReply: number | undefined;
  /** Words of the sections before `from`, as written. */
  writtenWords: number;
  /** The most words the sections may hold in all (the gate's ceiling); no limit if unset. */
  ceilingWords: number | undefined;
}): FitToFloorResult {
  const waiting = plan.sections.slice(from);
  if (waiting.length === 0) return { plan };
  // Every section left could be merged into one more reply, but no fewer: that one must fit.
  const least = writtenWords + floor;
  if (ceilingWords !== undefined && least > ceilingWords) {
    return {
      plan,
      stopReason: `the model writes at least ${formatCount(floor)} words per reply however few it is asked for: one more reply would take the document from ${formatCount(writtenWords)} to at least ${formatCount(least)} words, over the ${formatCount(ceilingWords)} the length gate's ceiling allows, with ${formatCount(waiting.length)} planned section(s) unwritten; resume with a larger target (quire resume --words), raise lengthGate.ceiling, or use a model that writes short replies when asked`,
    };
  }
  const limit = Math.max(wordsPerReply ?? Math.max(...waiting.map((part) => part.words)), floor);
  const regrouped = splitForCapacity({ plan, from, wordsPerReply: limit, floor });
  const pending = regrouped.plan.sections.slice(from);
  const merged = mergeUndersized({
    sections: pending.map((section, offset) => ({ ...section, origins: [offset] })),
    minWords: floor,
  });
  const sections: PlanSection[] = merged.sections.map(({ origins, ...section }) => ({
    ...section,
    constraints: origins.flatMap((origin) => pending[origin]!.constraints),
  }));
  const lone = sections.length === 1 && sections[0]!.words < floor;
  if (lone) sections[0] = { ...sections[0]!, words: floor };

  if (regrouped.divided === 0 && merged.findings.length === 0 && !lone) return { plan };
  const fitted = { ...plan, sections: [...plan.sections.slice(0, from), ...sections] };
  // Sections merged past one reply are divided again, into parts no smaller than the floor.
  return { plan: splitForCapacity({ plan: fitted, from, wordsPerReply: limit, floor }).plan };
}
