import type { Plan } from '../../planner/plan-schema.js';

/**
 * The index of the earlier section `index` must wait for, or undefined when it may be drafted
 * at any time: the section named by its `dependsOn`, else (for a section with constraints in a
 * segmented document, whose events must happen in order) the nearest earlier segment that has
 * constraints of its own. A continuation part is not held back: like any section drafted in
 * parallel, it is told what the part before it covers and where to start. Pure.
 */
export function dependencyOf({ plan, index }: { plan: Plan; index: number }): number | undefined {
  const section = plan.sections[index]!;
  if (section.dependsOn !== undefined) {
    const found = plan.sections.findIndex((each) => each.id === section.dependsOn);
    return found >= 0 && found < index ? found : undefined;
  }
  if (section.segment === undefined || section.constraints.length === 0) return undefined;
  for (let earlier = index - 1; earlier >= 0; earlier--) {
    const candidate = plan.sections[earlier]!;
    if (candidate.segment !== undefined && candidate.constraints.length > 0) return earlier;
  }
  return undefined;
}

/**
 * Which pending sections may start now, at most `slots` of them: a section is pending when it
 * is neither finished nor running, and ready when the section it depends on (see
 * `dependencyOf`) is finished. Everything else runs as soon as a slot is free. In plan order;
 * with `longestFirst`, the largest budgets first (plan order among equals), so the last
 * sections to finish are short ones and the places stay full to the end. Pure.
 */
export function readySections({
  plan,
  finished,
  running,
  slots,
  longestFirst = false,
}: {
  plan: Plan;
  /** Indexes of sections committed (or not to be redone). */
  finished: ReadonlySet<number>;
  /** Indexes of sections being drafted now. */
  running: ReadonlySet<number>;
  /** Free places in the pool. */
  slots: number;
  longestFirst?: boolean;
}): number[] {
  const ready: number[] = [];
  for (let index = 0; index < plan.sections.length; index++) {
    if (finished.has(index) || running.has(index)) continue;
    const dependency = dependencyOf({ plan, index });
    if (dependency === undefined || finished.has(dependency)) ready.push(index);
  }
  const words = (index: number) => plan.sections[index]!.words;
  if (longestFirst) ready.sort((left, right) => words(right) - words(left) || left - right);
  return ready.slice(0, Math.max(0, slots));
}
