import type { LanguageModelV3, SharedV3ProviderOptions } from '@ai-sdk/provider';
import {
  APICallError,
  type AssistantModelMessage,
  type ModelMessage,
  type Output,
  type TelemetrySettings,
  type ToolChoice,
  type ToolSet,
} from 'ai';
import { ModelOutputError } from '../errors/model-output-error.js';
import type { ModelObject } from './call-settings.js';
import { checkFinish } from './check-finish.js';
import type { ContextWindow } from './context/context-window.js';
import { fitRequest } from './context/fit-request.js';
import { refusalError, truncationError } from './context/overflow-errors.js';
import { readProviderStream } from './read-provider-stream.js';
import { readSdkStream } from './read-sdk-stream.js';
import type { TimeoutSettings } from './retry-settings.js';
import { settleThinking } from './settle-thinking.js';
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
  /** The answer, without the thinking. */
  text: string;
  /** What the model thought before answering (reasoning parts or a `<think>` block); often empty. */
  reasoning: string;
  finishReason: 'stop' | 'length' | 'tool-calls';
  usage: CallUsage;
  /** Tool calls of the reply; empty when no tools were offered or none was called. */
  toolCalls: ReceivedToolCall[];
  /** The reply as a message, to append to a conversation. */
  assistantMessage: AssistantModelMessage;
  /**
   * With `output`: the value the AI SDK read from the reply and checked against its schema;
   * undefined when none was asked for or the SDK could not read the reply.
   */
  output?: unknown;
}

/** What one attempt sends: a prompt or a conversation, and optionally tools or an output format. */
export type AttemptRequest = {
  system?: string;
  maxOutputTokens?: number;
  temperature?: number;
  seed?: number;
  output?: Output.Output;
  tools?: ToolSet;
  toolChoice?: ToolChoice<ToolSet>;
  providerOptions?: SharedV3ProviderOptions | undefined;
  /** The reply is JSON and nothing else: a Markdown fence around it is dropped. */
  jsonOnly?: boolean;
} & ({ prompt: string; messages?: undefined } | { messages: ModelMessage[]; prompt?: undefined });

/**
 * One streamed attempt of a model call, watched by an idle timer and a total timer that every
 * part of the reply resets, thinking included. A stream that fails mid-way does not throw inside
 * the SDK; this turns every such ending (an error part, finishReason `error` or `other`, a timer
 * firing, an empty reply, thinking never closed or filling the whole output limit) into an error
 * the retry layer can see. Thinking is kept apart from the text, whatever form the provider sends
 * it in. Tools are never executed here: their calls are returned. With the run's context
 * `window`, the reply limit is fitted to it, a context-length refusal or a prompt the server cut
 * becomes a `ContextOverflowError`, and the window learns from both. Usage the server does not
 * report is counted by quire and marked estimated. A text or JSON call with a prompt is read
 * straight from the provider's stream (`readProviderStream`), which costs far less CPU per piece
 * of reply; conversations, tools and telemetry go through `streamText` (`readSdkStream`).
 */
export async function streamAttempt({
  model,
  request: given,
  timeouts,
  abortSignal,
  onTextDelta,
  window,
  telemetry,
}: {
  model: ModelObject;
  request: AttemptRequest;
  timeouts: TimeoutSettings;
  abortSignal?: AbortSignal;
  onTextDelta?: (delta: string) => void;
  window?: ContextWindow | undefined;
  /** The AI SDK's `experimental_telemetry`: spans for OpenTelemetry users. */
  telemetry?: TelemetrySettings | undefined;
}): Promise<AttemptResult> {
  const fitted = await fitRequest({ model, request: given, window });
  const { request, sentTokens, counter } = fitted;
  const watchdog = startWatchdog({ timeouts, abortSignal });
  const reading = {
    abortSignal: watchdog.signal,
    onPart: watchdog.touch,
    onTextDelta,
    onError: asAttemptError,
  };
  try {
    const direct = directRequest({ model, request, telemetry });
    const reply = direct
      ? { ...(await readProviderStream({ ...reading, ...direct })), toolCalls: [] }
      : await readSdkStream({ ...reading, model, request, telemetry });
    if (abortSignal?.aborted) throw abortSignal.reason;
    watchdog.check();
    const { toolCalls, finishReason } = reply;
    const calls = toolCalls.map((call) => `${call.toolName}${JSON.stringify(call.input)}`);
    const reported =
      finishReason === undefined
        ? emptyUsage
        : settleUsage({
            reported: reply.reported,
            sentTokens,
            replyText: [reply.text, ...calls].join('\n'),
            reasoning: reply.reasoning,
            counter,
          });
    const { text, reasoning, usage } = settleThinking({
      text: reply.text,
      reasoning: reply.reasoning,
      unclosed: reply.unclosed,
      finishReason,
      toolCalls: toolCalls.length,
      usage: reported,
    });
    const checked = checkFinish({ finishReason, text, toolCalls: toolCalls.length, usage });
    const truncated = truncationError({
      window,
      modelId: model.modelId,
      sentTokens,
      lowestRatio: fitted.lowestRatio,
      usage,
    });
    if (truncated) throw truncated;
    const { assistantMessage, output } = await reply.complete();
    return {
      text,
      reasoning,
      finishReason: checked,
      usage,
      toolCalls,
      assistantMessage: withoutThinking(assistantMessage),
      output,
    };
  } catch (error) {
    // However the stream ended, a call the caller stopped ends with the caller's reason.
    if (abortSignal?.aborted) throw abortSignal.reason;
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

/**
 * The model and request when the attempt can be read straight from the provider's stream (see
 * `readProviderStream`): a model of the current specification, a prompt, no tools and no
 * telemetry. Undefined otherwise: `streamText` reads it.
 */
function directRequest({
  model,
  request,
  telemetry,
}: {
  model: ModelObject;
  request: AttemptRequest;
  telemetry: TelemetrySettings | undefined;
}): { model: LanguageModelV3; request: AttemptRequest & { prompt: string } } | undefined {
  if (model.specificationVersion !== 'v3' || telemetry?.isEnabled === true) return undefined;
  if (request.prompt === undefined || request.tools !== undefined) return undefined;
  return { model, request: { ...request, prompt: request.prompt } };
}

/**
 * The reply as a message for the conversation, without its thinking: reasoning models are not
 * meant to see their earlier thinking, and some servers refuse it in a request.
 */
function withoutThinking(message: AssistantModelMessage): AssistantModelMessage {
  if (typeof message.content === 'string') return message;
  return { ...message, content: message.content.filter((part) => part.type !== 'reasoning') };
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
