import {
  checkLengthGate,
  type LengthGateResult,
  type LengthGateSettings,
} from '../../evaluators/length-gate.js';
import { type ReplyCapacity, wordsPerReply } from '../../model/reply-capacity.js';
import { formatCount } from '../../util/format-count.js';

/** Where a finished document's length falls against the gate, and what to say when outside. */
export interface LengthOutcome {
  gate: LengthGateResult;
  /** One line for run.json's `stopReason` and the summary; undefined within the gate. */
  reason: string | undefined;
}

/**
 * Judges a finished document's length with the length gate. Outside it, the reason names the
 * words written against the target, the bound missed and, when measured, what the model writes
 * per reply. Pure.
 */
export function lengthOutcome({
  words,
  target,
  gate,
  capacity,
}: {
  words: number;
  target: number;
  gate: LengthGateSettings;
  capacity: ReplyCapacity | undefined;
}): LengthOutcome {
  const result = checkLengthGate({ produced: words, required: target, gate });
  if (result.status === 'within') return { gate: result, reason: undefined };
  const bound =
    result.status === 'short'
      ? `under the ${gate.floor}× floor`
      : `over the ${gate.ceiling}× ceiling`;
  const perReply = capacity ? wordsPerReply(capacity) : undefined;
  return {
    gate: result,
    reason: `the document has ${formatCount(words)} of ${formatCount(target)} words (${result.ratio.toFixed(2)}×, ${bound})${perReply === undefined ? '' : `; the model writes about ${formatCount(perReply)} words per reply`}`,
  };
}
