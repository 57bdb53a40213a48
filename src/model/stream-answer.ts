import type { TelemetrySettings } from 'ai';
import { ChargedAttemptError } from '../errors/charged-attempt-error.js';
import { ModelOutputError } from '../errors/model-output-error.js';
import type { ModelObject } from './call-settings.js';
import type { ContextWindow } from './context/context-window.js';
import type { TimeoutSettings } from './retry-settings.js';
import { type AttemptRequest, type AttemptResult, streamAttempt } from './stream-attempt.js';
import { addUsage } from './usage-meter.js';

/** The reasoning effort asked for when a reply thought until its limit: servers that know it think less. */
const lowerEffort = 'low';

/**
 * One attempt of a call to a model that may think before answering. The output limit gets
 * `thinkingTokens` more, so the thinking does not eat the answer's room. A reply that still
 * spent its whole limit thinking and wrote no answer is asked once more, at once, with twice the
 * room and a low reasoning effort (`reasoning_effort`, for servers that honour it); it never
 * reaches the caller as a cut or empty answer. When that fails too, the error says how to fix
 * it and is not retried again. The usage returned covers both requests, and so does the error
 * when the second request fails in any way (an HTTP error, a timeout, a refused connection), so
 * the run's usage and token budget count the first. With the run's context `window`, each
 * limit, thinking included, is then lowered to what the window leaves beside the prompt (see
 * `streamAttempt`).
 */
export async function streamAnswer({
  model,
  request,
  thinkingTokens = 0,
  timeouts,
  abortSignal,
  onTextDelta,
  window,
  telemetry,
}: {
  model: ModelObject;
  request: AttemptRequest;
  /** Output tokens added to the limit for thinking (see `thinkingAllowance`). */
  thinkingTokens?: number;
  timeouts: TimeoutSettings;
  abortSignal?: AbortSignal;
  onTextDelta?: (delta: string) => void;
  window?: ContextWindow | undefined;
  telemetry?: TelemetrySettings | undefined;
}): Promise<AttemptResult> {
  const limit =
    request.maxOutputTokens === undefined ? undefined : request.maxOutputTokens + thinkingTokens;
  const attempt = (changes: Partial<AttemptRequest>) =>
    streamAttempt({
      model,
      request: { ...request, maxOutputTokens: limit, ...changes } as AttemptRequest,
      timeouts,
      abortSignal,
      onTextDelta,
      window,
      telemetry,
    });
  try {
    return await attempt({});
  } catch (error) {
    if (!(error instanceof ModelOutputError) || error.problem !== 'thinkingExhausted') throw error;
    const spent = error.usage;
    // Without a limit of its own the server's default was hit: what it spent measures it.
    const larger = 2 * (limit ?? Math.max(1, spent?.outputTokens ?? 0));
    try {
      const retried = await attempt({
        maxOutputTokens: larger,
        providerOptions: {
          ...request.providerOptions,
          openai: { ...request.providerOptions?.openai, reasoningEffort: lowerEffort },
          openaiCompatible: {
            ...request.providerOptions?.openaiCompatible,
            reasoningEffort: lowerEffort,
          },
        },
      });
      return spent ? { ...retried, usage: addUsage(spent, retried.usage) } : retried;
    } catch (retryError) {
      throw withEarlierUsage({ error: retryError, spent, larger });
    }
  }
}

/**
 * The retry's error, charged with the first request's tokens: an unusable reply's own error adds
 * them to its usage (with advice if it thought to its limit again); any other failure travels
 * inside a `ChargedAttemptError` that the call layer charges and unwraps.
 */
function withEarlierUsage({
  error,
  spent,
  larger,
}: {
  error: unknown;
  spent: ModelOutputError['usage'];
  larger: number;
}): unknown {
  if (!(error instanceof ModelOutputError)) {
    return spent ? new ChargedAttemptError({ usage: spent, cause: error }) : error;
  }
  const usage = spent && error.usage ? addUsage(spent, error.usage) : (error.usage ?? spent);
  const message =
    error.problem === 'thinkingExhausted'
      ? `the reply thought until its output limit and wrote no answer, also when asked again with ${larger} tokens and low reasoning effort: raise "thinkingTokens" for this model in quire.config.json, or turn its thinking down on the server`
      : error.message;
  return new ModelOutputError({
    message,
    problem: error.problem,
    excerpt: error.excerpt,
    usage,
    cause: error,
  });
}
