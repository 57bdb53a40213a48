import { APICallError, type Output, streamText } from 'ai';

type OutputSpec = Output.Output;

import { ModelOutputError } from '../errors/model-output-error.js';
import type { CallPrompt, ModelObject } from './call-settings.js';
import type { TimeoutSettings } from './retry-settings.js';
import { type CallUsage, emptyUsage } from './usage-meter.js';

/** The raw outcome of one attempt that streamed to its end. */
export interface AttemptResult {
  text: string;
  finishReason: 'stop' | 'length' | 'tool-calls';
  usage: CallUsage;
}

/**
 * One streamed attempt of a model call, watched by an idle timer and a total timer. A stream
 * that fails mid-way does not throw inside the SDK; this turns every such ending (error part,
 * finishReason `error`, a timer firing, an empty reply) into an error the retry layer can see.
 */
export async function streamAttempt({
  model,
  system,
  prompt,
  maxOutputTokens,
  temperature,
  output,
  timeouts,
  abortSignal,
  onTextDelta,
}: CallPrompt & {
  model: ModelObject;
  output?: OutputSpec;
  timeouts: TimeoutSettings;
  abortSignal?: AbortSignal;
  onTextDelta?: (delta: string) => void;
}): Promise<AttemptResult> {
  const watchdog = new AbortController();
  let timedOut: string | undefined;
  const fire = (why: string) => {
    timedOut = why;
    watchdog.abort(new Error(why));
  };
  const total = setTimeout(
    () => fire(`no complete reply within ${timeouts.requestTimeoutMs} ms`),
    timeouts.requestTimeoutMs,
  );
  let idle = setTimeout(
    () => fire(`no reply for ${timeouts.idleTimeoutMs} ms`),
    timeouts.idleTimeoutMs,
  );
  const signal = abortSignal ? AbortSignal.any([abortSignal, watchdog.signal]) : watchdog.signal;

  try {
    const result = streamText({
      model,
      system,
      prompt,
      maxOutputTokens,
      temperature,
      output,
      maxRetries: 0,
      abortSignal: signal,
      onError: () => {},
    });
    let text = '';
    let finishReason: string | undefined;
    let usage = emptyUsage;
    for await (const part of result.fullStream) {
      clearTimeout(idle);
      idle = setTimeout(
        () => fire(`no reply for ${timeouts.idleTimeoutMs} ms`),
        timeouts.idleTimeoutMs,
      );
      if (part.type === 'text-delta') {
        text += part.text;
        onTextDelta?.(part.text);
      } else if (part.type === 'error') {
        throw asAttemptError(part.error, text);
      } else if (part.type === 'finish') {
        finishReason = part.finishReason;
        usage = {
          inputTokens: part.totalUsage.inputTokens ?? 0,
          outputTokens: part.totalUsage.outputTokens ?? 0,
          cachedInputTokens: part.totalUsage.inputTokenDetails?.cacheReadTokens ?? 0,
        };
      }
    }
    if (abortSignal?.aborted) throw abortSignal.reason;
    if (timedOut) throw new ModelOutputError({ message: timedOut, problem: 'timeout' });
    return { text, finishReason: checkFinish({ finishReason, text }), usage };
  } catch (error) {
    if (timedOut && !abortSignal?.aborted) {
      throw new ModelOutputError({ message: timedOut, problem: 'timeout', cause: error });
    }
    throw error;
  } finally {
    clearTimeout(total);
    clearTimeout(idle);
  }
}

function checkFinish({
  finishReason,
  text,
}: {
  finishReason: string | undefined;
  text: string;
}): AttemptResult['finishReason'] {
  const excerpt = text.slice(0, 200);
  // 'other' is what OpenAI-compatible clients report when a stream ends without a finish
  // reason, i.e. when it was cut: never accept it as a complete reply.
  if (finishReason === undefined || finishReason === 'error' || finishReason === 'other') {
    throw new ModelOutputError({
      message: `the reply stream ended with an error after ${text.length} characters`,
      problem: 'streamError',
      excerpt,
    });
  }
  if (finishReason === 'content-filter') {
    throw new ModelOutputError({
      message: 'the provider filtered the reply',
      problem: 'contentFilter',
      excerpt,
    });
  }
  if (text.trim() === '' && finishReason !== 'tool-calls') {
    throw new ModelOutputError({ message: 'the reply was empty', problem: 'empty' });
  }
  return finishReason === 'length' || finishReason === 'tool-calls' ? finishReason : 'stop';
}

/** Provider errors keep their status for the retry layer; anything else is a cut stream. */
function asAttemptError(error: unknown, text: string): unknown {
  if (APICallError.isInstance(error)) return error;
  return new ModelOutputError({
    message: `the reply stream failed after ${text.length} characters: ${error instanceof Error ? error.message : String(error)}`,
    problem: 'streamError',
    excerpt: text.slice(0, 200),
    cause: error,
  });
}
