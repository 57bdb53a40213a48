import { type ReplyCapacity, wordsPerReply } from '../../model/reply-capacity.js';
import { formatCount } from '../../util/format-count.js';

/**
 * Why a run stopped early because the model writes too little per reply, in one line that names
 * the capacity observed and what the rest would take. Pure.
 */
export function capacityStopReason({
  capacity,
  minWordsPerReply,
  remainingWords,
}: {
  capacity: ReplyCapacity;
  minWordsPerReply: number;
  remainingWords: number;
}): string {
  const words = wordsPerReply(capacity) ?? 0;
  const calls =
    words > 0 ? `about ${formatCount(Math.ceil(remainingWords / words))} calls` : 'no end of calls';
  return `the model writes about ${words} words per reply (${capacity.replies} replies measured, the longest ${capacity.longest}), under write.minWordsPerReply (${minWordsPerReply}): the remaining ${formatCount(remainingWords)} words would take ${calls}`;
}
