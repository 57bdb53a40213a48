import { type ReplyCapacity, wordsPerReply } from '../../model/reply-capacity.js';
import type { Plan } from '../../planner/plan-schema.js';
import { rebalanceBudgets } from '../../planner/rebalance-budgets.js';
import { splitForCapacity } from '../../planner/split-for-capacity.js';
import type { PlanRefitEvent } from '../run-events.js';
import { fitToFloor } from './fit-to-floor.js';

/** The plan to write the rest of the document with, and the changes to journal. */
export interface RefitPlanResult {
  plan: Plan;
  /** Empty when the plan is unchanged. */
  events: Array<Omit<PlanRefitEvent, 'time'>>;
  /**
   * Why the rest cannot be written within the length gate at all (see `fitToFloor`); the plan
   * is then the one given, and the run should stop rather than spend calls.
   */
  stopReason?: string;
}

/**
 * Fits the pending sections (from `from` on) to what has happened so far, before the next one
 * is written: their budgets are rescaled when the written sections drifted from theirs by more
 * than `slack` × the target, then any pending section longer than the model writes in one reply
 * is divided into parts that fit (none below the model's floor, when it has one), then those
 * still below the floor are merged (see `fitToFloor`), then any still longer than the context
 * window leaves room to write (`windowWords`, which shrinks when the window is learned smaller).
 * Each change is its own event. Pure.
 */
export function refitPlan({
  plan,
  from,
  writtenWords,
  capacity,
  slack,
  minWordsPerReply,
  windowWords,
  ceilingWords,
}: {
  plan: Plan;
  from: number;
  /** Words of the sections before `from`, as written. */
  writtenWords: number;
  capacity: ReplyCapacity;
  slack: number;
  /** Parts are never made smaller than this, however little the model was seen to write. */
  minWordsPerReply: number;
  /** The largest section one reply can write inside the context window; no limit if unset. */
  windowWords?: number;
  /** The most words the sections may hold in all (the length gate's ceiling); no limit if unset. */
  ceilingWords?: number;
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
  let fitted = rebalanced.plan;
  const divide = (reason: 'capacity' | 'window', limit: number) => {
    // Window parts may go below the floor: a reply that does not fit the window is no reply.
    const split = splitForCapacity({
      plan: fitted,
      from,
      wordsPerReply: limit,
      floor: reason === 'capacity' ? capacity.floor : undefined,
    });
    if (split.divided === 0) return;
    fitted = split.plan;
    events.push({
      type: 'plan-refit',
      reason,
      index: from,
      sections: fitted.sections.length,
      wordsPerReply: limit,
    });
  };
  const { floor } = capacity;
  const measured = wordsPerReply(capacity);
  const limit =
    measured === undefined ? undefined : Math.max(measured, minWordsPerReply, floor ?? 0);
  if (limit !== undefined) divide('capacity', limit);
  if (floor !== undefined) {
    const floored = fitToFloor({
      plan: fitted,
      from,
      floor,
      wordsPerReply: limit,
      writtenWords,
      ceilingWords,
    });
    if (floored.stopReason) return { plan, events: [], stopReason: floored.stopReason };
    if (floored.plan !== fitted) {
      fitted = floored.plan;
      events.push({
        type: 'plan-refit',
        reason: 'floor',
        index: from,
        sections: fitted.sections.length,
        wordsPerReply: floor,
      });
    }
  }
  if (windowWords !== undefined) divide('window', windowWords);
  return { plan: fitted, events };
}
