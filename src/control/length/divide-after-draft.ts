import { type ReplyCapacity, wordsPerReply } from '../../model/reply-capacity.js';
import type { Plan } from '../../planner/plan-schema.js';
import { splitForCapacity } from '../../planner/split-for-capacity.js';

/**
 * The plan with section `index` divided, when its draft (`drafted` words) fell short of a
 * budget larger than the model writes in one reply: the draft becomes the first part, the rest
 * of the budget new parts that fit, and the pending sections after it are fitted too. Undefined
 * when nothing need change: the draft is within `tolerance` of its budget, the budget fits one
 * reply, or the model was measured below `minWordsPerReply` (an expansion then probes it once
 * more before the run stops). Pure.
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
}): Plan | undefined {
  const limit = wordsPerReply(capacity);
  const budget = plan.sections[index]!.words;
  if (limit === undefined || limit < minWordsPerReply || budget <= limit) return undefined;
  if (drafted >= budget * (1 - tolerance)) return undefined;
  const split = splitForCapacity({ plan, from: index, wordsPerReply: limit, drafted });
  return split.divided > 0 ? split.plan : undefined;
}
