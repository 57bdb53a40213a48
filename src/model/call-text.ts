import type { CallPrompt, CallSettings } from './call-settings.js';
import { defaultTimeoutSettings } from './retry-settings.js';
import { runCall } from './run-call.js';
import { type AttemptResult, streamAttempt } from './stream-attempt.js';

/** What a text call returns. `finishReason: 'length'` means the reply was cut: the caller decides. */
export interface CallTextResult extends AttemptResult {
  attempts: number;
  latencyMs: number;
}

/**
 * Asks the model for text, through the retry layer, and records the usage. Throws
 * `ModelCallError` when no attempt produced a usable reply.
 */
export async function callText({
  system,
  prompt,
  maxOutputTokens,
  temperature,
  onTextDelta,
  ...settings
}: CallSettings & CallPrompt & { onTextDelta?: (delta: string) => void }): Promise<CallTextResult> {
  const result = await runCall({
    settings,
    attempt: async () => {
      const reply = await streamAttempt({
        model: settings.model,
        timeouts: settings.timeouts ?? defaultTimeoutSettings,
        abortSignal: settings.abortSignal,
        window: settings.window,
        request: { system, prompt, maxOutputTokens, temperature },
        onTextDelta,
      });
      return { value: reply, usage: reply.usage };
    },
  });
  return { ...result.value, attempts: result.attempts, latencyMs: result.latencyMs };
}
