import { type ReplyCapacity, wordsPerReply } from '../../model/reply-capacity.js';
import type { Plan } from '../../planner/plan-schema.js';
import { rebalanceBudgets } from '../../planner/rebalance-budgets.js';
import { splitForCapacity } from '../../planner/split-for-capacity.js';
import type { PlanRefitEvent } from '../run-events.js';

/** The plan to write the rest of the document with, and the changes to journal. */
export interface RefitPlanResult {
  plan: Plan;
  /** Empty when the plan is unchanged. */
  events: Array<Omit<PlanRefitEvent, 'time'>>;
}

/**
 * Fits the pending sections (from `from` on) to what has happened so far, before the next one
 * is written: their budgets are rescaled when the written sections drifted from theirs by more
 * than `slack` × the target, then any pending section longer than the model writes in one reply
 * is divided into parts that fit. Pure.
 */
export function refitPlan({
  plan,
  from,
  writtenWords,
  capacity,
  slack,
  minWordsPerReply,
}: {
  plan: Plan;
  from: number;
  /** Words of the sections before `from`, as written. */
  writtenWords: number;
  capacity: ReplyCapacity;
  slack: number;
  /** Parts are never made smaller than this, however little the model was seen to write. */
  minWordsPerReply: number;
}): RefitPlanResult {
  const events: RefitPlanResult['events'] = [];
  const rebalanced = rebalanceBudgets({ plan, from, writtenWords, slack });
  if (rebalanced.plan !== plan) {
    events.push({
      type: 'plan-refit',
      reason: 'rebalance',
      index: from,
      sections: rebalanced.plan.sections.length,
      pendingWords: rebalanced.pendingWords,
    });
  }
  const measured = wordsPerReply(capacity);
  if (measured === undefined) return { plan: rebalanced.plan, events };
  const limit = Math.max(measured, minWordsPerReply);
  const split = splitForCapacity({ plan: rebalanced.plan, from, wordsPerReply: limit });
  if (split.divided > 0) {
    events.push({
      type: 'plan-refit',
      reason: 'capacity',
      index: from,
      sections: split.plan.sections.length,
      wordsPerReply: limit,
    });
  }
  return { plan: split.plan, events };
}
