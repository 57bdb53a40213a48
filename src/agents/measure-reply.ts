import { countWords } from '../evaluators/count-words.js';
import type { ReplyMeasure } from '../model/reply-capacity.js';

/**
 * Measures one prose reply for the capacity estimate. A reply cut by the output-token limit
 * stopped at quire's limit, not the model's, so what it asked for is dropped. Pure.
 */
export function measureReply({
  asked,
  text,
  finishReason,
}: {
  asked: number | undefined;
  /** The reply's text, notes removed. */
  text: string;
  finishReason: 'stop' | 'length' | 'tool-calls';
}): ReplyMeasure {
  return { asked: finishReason === 'length' ? undefined : asked, written: countWords(text) };
}
