import type { Plan } from '../../planner/plan-schema.js';
import type { ReviewedSection } from './reviewed-section.js';

/** The plan's sections with their texts, as the review reads them. Pure. */
export function reviewedSections({
  plan,
  texts,
}: {
  plan: Plan;
  texts: readonly string[];
}): ReviewedSection[] {
  return plan.sections.map((section, index) => ({
    index,
    id: section.id,
    title: section.title,
    brief: section.brief,
    words: section.words,
    text: texts[index] ?? '',
  }));
}
