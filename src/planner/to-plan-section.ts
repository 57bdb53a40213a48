import type { DueConstraint, PlanSection } from './plan-schema.js';
import type { WorkingSection } from './working-section.js';

/** A normalised working section as an instruction of the registry, with its stable id. Pure. */
export function toPlanSection({
  section,
  index,
  constraints,
}: {
  section: WorkingSection;
  /** 0-based position in the plan. */
  index: number;
  constraints: DueConstraint[];
}): PlanSection {
  return {
    id: `s${String(index + 1).padStart(3, '0')}`,
    title: section.title,
    brief: section.brief,
    words: section.words,
    constraints,
    ...(section.segment !== undefined ? { segment: section.segment } : {}),
    ...(section.continuation ? { continuation: true } : {}),
  };
}

/** The title of a document whose planner gave none: the request's first words. Pure. */
export function firstWords(text: string, count = 8): string {
  return text.split(/\s+/).slice(0, count).join(' ');
}
