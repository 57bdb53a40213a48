import type { Plan } from './plan-schema.js';
import { rescaleBudgets } from './rescale-budgets.js';

/** A plan whose pending budgets were rescaled, or the same plan when none was needed. */
export interface RebalanceBudgetsResult {
  plan: Plan;
  /** Words the pending sections now total, and totalled before; equal when unchanged. */
  pendingWords: { before: number; after: number };
}

/**
 * Rescales the budgets of the pending sections (from `from` on) so that the document still
 * totals its target when the written sections came out longer or shorter than planned, as
 * with a model that does not write the length it is asked. Nothing changes while the drift
 * stays within `slack` × the target; one rebalance scales by at most 2× either way, so one odd
 * section cannot swamp the rest. Pure.
 */
export function rebalanceBudgets({
  plan,
  from,
  writtenWords,
  slack,
}: {
  plan: Plan;
  from: number;
  /** Words of the sections before `from`, as written. */
  writtenWords: number;
  /** Drift tolerated, as a share of the target. */
  slack: number;
}): RebalanceBudgetsResult {
  const pending = plan.sections.slice(from);
  const before = pending.reduce((sum, section) => sum + section.words, 0);
  const needed = plan.words - writtenWords;
  if (pending.length === 0 || Math.abs(needed - before) <= slack * plan.words) {
    return { plan, pendingWords: { before, after: before } };
  }
  const after = Math.max(
    pending.length,
    Math.round(Math.min(before * 2, Math.max(before / 2, needed))),
  );
  const budgets = rescaleBudgets({
    weights: pending.map((section) => section.words),
    total: after,
  });
  return {
    plan: {
      ...plan,
      sections: [
        ...plan.sections.slice(0, from),
        ...pending.map((section, offset) => ({ ...section, words: budgets[offset]! })),
      ],
    },
    pendingWords: { before, after },
  };
}
