import { type ReplyCapacity, wordsPerReply } from '../../model/reply-capacity.js';
import type { Plan } from '../../planner/plan-schema.js';
import { splitForCapacity } from '../../planner/split-for-capacity.js';

/** The plan after a short draft, and why it changed (the journal's `plan-refit` reason). */
export interface DivideAfterDraftResult {
  plan: Plan;
  /** `capacity`: the section was divided; `floor`: the rest of its budget was let go. */
  reason: 'capacity' | 'floor';
}

/**
 * The plan with section `index` divided, when its draft (`drafted` words) fell short of a
 * budget larger than the model writes in one reply: the draft becomes the first part, the rest
 * of the budget new parts that fit (none below the model's floor, when it has one), and the
 * pending sections after it are fitted too. When the rest is below that floor, a part for it
 * would come back at the floor whatever it asked, so the draft is kept as the whole section
 * instead and the words it lacks are left to the next rebalance of the pending budgets.
 * Undefined when nothing need change: the draft is within `tolerance` of its budget, the budget
 * fits one reply, or the model was measured below `minWordsPerReply` (an expansion then probes
 * it once more before the run stops). Pure.
 */
export function divideAfterDraft({
  plan,
  index,
  drafted,
  capacity,
  tolerance,
  minWordsPerReply,
}: {
  plan: Plan;
  index: number;
  drafted: number;
  capacity: ReplyCapacity;
  tolerance: number;
  minWordsPerReply: number;
}): DivideAfterDraftResult | undefined {
  const limit = wordsPerReply(capacity);
  const section = plan.sections[index]!;
  const budget = section.words;
  if (limit === undefined || limit < minWordsPerReply || budget <= limit) return undefined;
  if (drafted >= budget * (1 - tolerance)) return undefined;
  const { floor } = capacity;
  if (floor !== undefined && budget - drafted < floor && drafted >= 1) {
    const sections = plan.sections.with(index, { ...section, words: drafted });
    return { plan: { ...plan, sections }, reason: 'floor' };
  }
  const split = splitForCapacity({ plan, from: index, wordsPerReply: limit, drafted, floor });
  return split.divided > 0 ? { plan: split.plan, reason: 'capacity' } : undefined;
}
