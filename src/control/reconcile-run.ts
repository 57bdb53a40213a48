import type { PlanSection } from '../planner/plan-schema.js';
import type { StoredSection } from '../store/run-store.js';

/**
 * Finds the committed sections whose `step-end` never reached the journal (the run was killed
 * between the two writes), so it can be journalled once, marked as recovered. Pure.
 */
export function sectionsMissingStepEnd({
  sections,
  events,
  plan,
}: {
  sections: StoredSection[];
  events: Array<Record<string, unknown>>;
  plan: { sections: PlanSection[] };
}): StoredSection[] {
  const ended = new Set(
    events.filter((event) => event.type === 'step-end').map((event) => event.sectionId as string),
  );
  return sections.filter((section) => {
    const id = plan.sections[section.index]?.id;
    return id !== undefined && !ended.has(id);
  });
}
