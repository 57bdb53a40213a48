import type { Plan } from '../../planner/plan-schema.js';
import { rescaleBudgets } from '../../planner/rescale-budgets.js';

/**
 * The plan for a new target length: every budget rescaled in proportion so they sum to
 * `words`, the sections themselves unchanged. Used when a run is resumed with `--words`. Pure.
 */
export function retargetPlan({ plan, words }: { plan: Plan; words: number }): Plan {
  if (words === plan.words) return plan;
  const budgets = rescaleBudgets({
    weights: plan.sections.map((section) => section.words),
    total: words,
  });
  return {
    ...plan,
    words,
    sections: plan.sections.map((section, index) => ({ ...section, words: budgets[index]! })),
  };
}
