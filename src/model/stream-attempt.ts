import {
  APICallError,
  type AssistantModelMessage,
  type ModelMessage,
  type Output,
  streamText,
  type ToolChoice,
  type ToolSet,
} from 'ai';
import { ModelOutputError } from '../errors/model-output-error.js';
import type { ModelObject } from './call-settings.js';
import type { ContextWindow } from './context/context-window.js';
import { fitRequest } from './context/fit-request.js';
import { refusalError, truncationError } from './context/overflow-errors.js';
import { describeToolCallError } from './describe-tool-call-error.js';
import type { TimeoutSettings } from './retry-settings.js';
import { settleUsage } from './settle-usage.js';
import { type CallUsage, emptyUsage } from './usage-meter.js';
import { startWatchdog } from './watchdog.js';

/** A tool call as the model made it. `error` is set when it cannot be run as given. */
export interface ReceivedToolCall {
  toolCallId: string;
  toolName: string;
  /** The input, validated against the tool's schema when `error` is undefined. */
  input: unknown;
  /** Why the call is unusable (unknown tool, input not matching the schema), for the model. */
  error: string | undefined;
}

/** The outcome of one attempt that streamed to its end. */
export interface AttemptResult {
  text: string;
  finishReason: 'stop' | 'length' | 'tool-calls';
  usage: CallUsage;
  /** Tool calls of the reply; empty when no tools were offered or none was called. */
  toolCalls: ReceivedToolCall[];
  /** The reply as a message, to append to a conversation. */
  assistantMessage: AssistantModelMessage;
}

/** What one attempt sends: a prompt or a conversation, and optionally tools or an output format. */
export type AttemptRequest = {
  system?: string;
  maxOutputTokens?: number;
  temperature?: number;
  output?: Output.Output;
  tools?: ToolSet;
  toolChoice?: ToolChoice<ToolSet>;
} & ({ prompt: string; messages?: undefined } | { messages: ModelMessage[]; prompt?: undefined });

/**
 * One streamed attempt of a model call, watched by an idle timer and a total timer. A stream
 * that fails mid-way does not throw inside the SDK; this turns every such ending (an error
 * part, finishReason `error` or `other`, a timer firing, an empty reply) into an error the
 * retry layer can see. Tools are never executed here: their calls are returned. With the
 * run's context `window`, the reply limit is fitted to it, a context-length refusal or a prompt
 * the server cut becomes a `ContextOverflowError`, and the window learns from both. Usage the
 * server does not report is counted by quire and marked estimated.
 */
export async function streamAttempt({
  model,
  request: given,
  timeouts,
  abortSignal,
  onTextDelta,
  window,
}: {
  model: ModelObject;
  request: AttemptRequest;
  timeouts: TimeoutSettings;
  abortSignal?: AbortSignal;
  onTextDelta?: (delta: string) => void;
  window?: ContextWindow | undefined;
}): Promise<AttemptResult> {
  const fitted = await fitRequest({ model, request: given, window });
  const { request, sentTokens, counter } = fitted;
  const watchdog = startWatchdog({ timeouts, abortSignal });
  try {
    const stream = streamText({
      ...(request as Parameters<typeof streamText>[0]),
      model,
      maxRetries: 0,
      abortSignal: watchdog.signal,
      onError: () => {},
    });
    let text = '';
    let finishReason: string | undefined;
    let usage = emptyUsage;
    const toolCalls: ReceivedToolCall[] = [];
    for await (const part of stream.fullStream) {
      watchdog.touch();
      if (part.type === 'text-delta') {
        text += part.text;
        onTextDelta?.(part.text);
      } else if (part.type === 'tool-call') {
        const invalid = 'invalid' in part && part.invalid === true;
        toolCalls.push({
          toolCallId: part.toolCallId,
          toolName: part.toolName,
          input: part.input,
          error: invalid ? describeToolCallError(part.error) : undefined,
        });
      } else if (part.type === 'error') {
        throw asAttemptError(part.error, text);
      } else if (part.type === 'finish') {
        finishReason = part.finishReason;
        const calls = toolCalls.map((call) => `${call.toolName}${JSON.stringify(call.input)}`);
        usage = settleUsage({
          reported: part.totalUsage,
          sentTokens,
          replyText: [text, ...calls].join('\n'),
          counter,
        });
      }
    }
    if (abortSignal?.aborted) throw abortSignal.reason;
    watchdog.check();
    const checked = checkFinish({ finishReason, text, toolCalls: toolCalls.length, usage });
    const truncated = truncationError({
      window,
      modelId: model.modelId,
      sentTokens,
      lowestRatio: fitted.lowestRatio,
      usage,
    });
    if (truncated) throw truncated;
    const messages = (await stream.response).messages;
    const assistantMessage = messages.find(
      (message): message is AssistantModelMessage => message.role === 'assistant',
    ) ?? { role: 'assistant', content: text };
    return { text, finishReason: checked, usage, toolCalls, assistantMessage };
  } catch (error) {
    const refused = refusalError({
      error,
      window,
      modelId: model.modelId,
      sentTokens,
      outputTokens: request.maxOutputTokens,
    });
    throw refused ?? watchdog.explain(error);
  } finally {
    watchdog.stop();
  }
}

function checkFinish({
  finishReason,
  text,
  toolCalls,
  usage,
}: {
  finishReason: string | undefined;
  text: string;
  toolCalls: number;
  usage: CallUsage;
}): AttemptResult['finishReason'] {
  const excerpt = text.slice(0, 200);
  // 'other' is what OpenAI-compatible clients report when a stream ends without a finish
  // reason, i.e. when it was cut: never accept it as a complete reply.
  if (finishReason === undefined || finishReason === 'error' || finishReason === 'other') {
    throw new ModelOutputError({
      message: `the reply stream ended with an error after ${text.length} characters`,
      problem: 'streamError',
      excerpt,
      usage,
    });
  }
  if (finishReason === 'content-filter') {
    throw new ModelOutputError({
      message: 'the provider filtered the reply',
      problem: 'contentFilter',
      excerpt,
      usage,
    });
  }
  if (text.trim() === '' && toolCalls === 0) {
    throw new ModelOutputError({
      message: 'the reply had no text and no tool call',
      problem: 'empty',
      usage,
    });
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
