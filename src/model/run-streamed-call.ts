import type { CallSettings } from './call-settings.js';
import { defaultTimeoutSettings } from './retry-settings.js';
import { type RunCallResult, runCall } from './run-call.js';
import { streamAnswer } from './stream-answer.js';
import type { AttemptRequest, AttemptResult } from './stream-attempt.js';

/**
 * One model call through the retry layer, every attempt streaming `request` with the call's
 * settings (timeouts, window, thinking room, telemetry, provider options), and `read` turning
 * each reply into the value. The one place where a call's settings become a streamed request.
 */
export function runStreamedCall<T>({
  settings,
  request,
  onTextDelta,
  read,
}: {
  settings: CallSettings;
  request: AttemptRequest;
  onTextDelta?: ((delta: string) => void) | undefined;
  /** Throws a `ModelOutputError` for a reply another sample may improve on (see `ReplyReader`). */
  read: (reply: AttemptResult) => T;
}): Promise<RunCallResult<T>> {
  return runCall({
    settings,
    attempt: async () => {
      const reply = await streamAnswer({
        model: settings.model,
        thinkingTokens: settings.thinkingTokens,
        timeouts: settings.timeouts ?? defaultTimeoutSettings,
        abortSignal: settings.abortSignal,
        window: settings.window,
        telemetry: settings.telemetry,
        request: { ...request, providerOptions: settings.providerOptions },
        onTextDelta,
      });
      return { value: read(reply), usage: reply.usage, reasoning: reply.reasoning };
    },
  });
}
