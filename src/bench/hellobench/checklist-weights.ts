import { publishedChecklistWeights } from './published-checklist-weights.js';

/**
 * `published`: HelloBench's fitted weights for the task's category; `equal`: 100 / n per item,
 * used when no published weights fit the task (an unknown category, or another number of
 * checklist items), and always labelled as such.
 */
export type ChecklistWeighting = 'published' | 'equal';

/**
 * The weights of a task's `count` checklist items, summing to 100: HelloBench's published ones
 * for its category when they have one weight per item, else equal weights. Pure.
 */
export function checklistWeights({ category, count }: { category: string; count: number }): {
  weights: number[];
  weighting: ChecklistWeighting;
} {
  const published = Object.hasOwn(publishedChecklistWeights, category)
    ? publishedChecklistWeights[category]
    : undefined;
  if (published !== undefined && published.length === count) {
    return { weights: [...published], weighting: 'published' };
  }
  return { weights: Array.from({ length: count }, () => 100 / count), weighting: 'equal' };
}
