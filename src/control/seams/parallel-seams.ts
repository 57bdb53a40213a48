import type { Plan } from '../../planner/plan-schema.js';

/**
 * The seams of a run drafted in parallel, read from its journal: the plan indexes `i` (≥ 1)
 * whose section was last started before section `i − 1` was committed, so its writer could not
 * see the text it follows. A section drafted after its predecessor (always so in a sequential
 * run, and for a section resumed after its predecessor) leaves no parallel seam. Pure.
 */
export function parallelSeams({
  plan,
  events,
}: {
  plan: Plan;
  /** The run's journal, in order, over every session. */
  events: ReadonlyArray<Record<string, unknown>>;
}): number[] {
  const committed = new Set<string>();
  const blind = new Map<string, boolean>();
  const previousOf = new Map(
    plan.sections.slice(1).map((section, position) => [section.id, plan.sections[position]!.id]),
  );
  for (const event of events) {
    const id = typeof event.sectionId === 'string' ? event.sectionId : undefined;
    if (id === undefined) continue;
    if (event.type === 'step-end') committed.add(id);
    else if (event.type === 'step-start' && event.action === 'write' && event.attempt === 1) {
      const previous = previousOf.get(id);
      if (previous !== undefined) blind.set(id, !committed.has(previous));
    }
  }
  return plan.sections.flatMap((section, index) => (blind.get(section.id) ? [index] : []));
}
