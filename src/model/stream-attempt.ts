import type { SharedV3ProviderOptions } from '@ai-sdk/provider';
import {
  APICallError,
  type AssistantModelMessage,
  extractJsonMiddleware,
  type ModelMessage,
  type Output,
  streamText,
  type TelemetrySettings,
  type ToolChoice,
  type ToolSet,
  wrapLanguageModel,
} from 'ai';
import { ModelOutputError } from '../errors/model-output-error.js';
import type { ModelObject } from './call-settings.js';
import { checkFinish } from './check-finish.js';
import type { ContextWindow } from './context/context-window.js';
import { fitRequest } from './context/fit-request.js';
import { refusalError, truncationError } from './context/overflow-errors.js';
import { describeToolCallError } from './describe-tool-call-error.js';
import type { TimeoutSettings } from './retry-settings.js';
import { separateThinking } from './separate-thinking.js';
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
  /** The reply is JSON and nothing else: a Markdown fence around it is dropped as it streams. */
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
 * report is counted by quire and marked estimated.
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
  const { jsonOnly, ...sent } = request;
  const separated = separateThinking(model);
  try {
    const stream = streamText({
      ...(sent as Parameters<typeof streamText>[0]),
      // A model of an older specification cannot be wrapped: its fences go to quire's reader.
      model:
        jsonOnly && separated.specificationVersion === 'v3'
          ? wrapLanguageModel({ model: separated, middleware: extractJsonMiddleware() })
          : separated,
      maxRetries: 0,
      abortSignal: watchdog.signal,
      experimental_telemetry: telemetry,
      onError: () => {},
    });
    let text = '';
    let reasoning = '';
    // Thinking blocks begun and not yet ended: one left open at the end was cut off.
    const openThinking = new Set<string>();
    let finishReason: string | undefined;
    let usage = emptyUsage;
    const toolCalls: ReceivedToolCall[] = [];
    for await (const part of stream.fullStream) {
      // Every part counts as activity, thinking too: a model may think for minutes in silence.
      watchdog.touch();
      if (part.type === 'text-delta') {
        text += part.text;
        onTextDelta?.(part.text);
      } else if (part.type === 'reasoning-start') {
        openThinking.add(part.id);
      } else if (part.type === 'reasoning-end') {
        openThinking.delete(part.id);
      } else if (part.type === 'reasoning-delta') {
        reasoning += part.text;
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
          reasoning,
          counter,
        });
      }
    }
    if (abortSignal?.aborted) throw abortSignal.reason;
    watchdog.check();
    ({ text, reasoning, usage } = settleThinking({
      text,
      reasoning,
      unclosed: openThinking.size > 0,
      finishReason,
      toolCalls: toolCalls.length,
      usage,
    }));
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
    // The SDK reads and checks structured output itself; what it cannot read is left to the
    // caller's own reader (see `callObject`).
    const output = request.output
      ? await Promise.resolve(stream.output).catch(() => undefined)
      : undefined;
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
