import { callAndRead } from './call-and-read.js';
import type { CallPrompt, CallSettings } from './call-settings.js';
import type { AttemptResult } from './stream-attempt.js';

/**
 * What a text call returns. `finishReason: 'length'` means the reply was cut: the caller decides.
 * `usage` is the whole call's: the reply's tokens and those of attempts that came to nothing.
 */
export interface CallTextResult extends AttemptResult {
  attempts: number;
  latencyMs: number;
}

/**
 * Asks the model for text, through the retry layer, and records the usage. The text never holds
 * the model's thinking: that is in `reasoning`. Throws `ModelCallError` when no attempt produced
 * a usable reply.
 */
export async function callText(
  request: CallSettings & CallPrompt & { onTextDelta?: (delta: string) => void },
): Promise<CallTextResult> {
  const { value, usage, attempts, latencyMs } = await callAndRead({
    ...request,
    read: (reply) => reply,
  });
  return { ...value, usage, attempts, latencyMs };
}
