import {
  type AssistantModelMessage,
  extractJsonMiddleware,
  type LanguageModelUsage,
  streamText,
  type TelemetrySettings,
  wrapLanguageModel,
} from 'ai';
import type { ModelObject } from './call-settings.js';
import { describeToolCallError } from './describe-tool-call-error.js';
import type { StreamedReply } from './read-provider-stream.js';
import { separateThinking } from './separate-thinking.js';
import type { AttemptRequest, ReceivedToolCall } from './stream-attempt.js';

/**
 * One attempt read through the AI SDK's `streamText`: for conversations, tools, telemetry and
 * models of an older specification, which `readProviderStream` does not take. Thinking sent in
 * the content is set apart by `separateThinking`, a Markdown fence around a JSON-only reply by
 * `extractJsonMiddleware`. Tools are never executed: their calls are returned. `onPart` is
 * called on every part, thinking included; an error part is thrown as `onError` makes it.
 */
export async function readSdkStream({
  model,
  request,
  abortSignal,
  telemetry,
  onPart,
  onTextDelta,
  onError,
}: {
  model: ModelObject;
  request: AttemptRequest;
  abortSignal: AbortSignal;
  telemetry: TelemetrySettings | undefined;
  onPart: () => void;
  onTextDelta?: ((delta: string) => void) | undefined;
  onError: (error: unknown, text: string) => unknown;
}): Promise<StreamedReply & { toolCalls: ReceivedToolCall[] }> {
  const { jsonOnly, ...sent } = request;
  const separated = separateThinking(model);
  const stream = streamText({
    ...(sent as Parameters<typeof streamText>[0]),
    // A model of an older specification cannot be wrapped: its fences go to quire's reader.
    model:
      jsonOnly && separated.specificationVersion === 'v3'
        ? wrapLanguageModel({ model: separated, middleware: extractJsonMiddleware() })
        : separated,
    maxRetries: 0,
    abortSignal,
    experimental_telemetry: telemetry,
    onError: () => {},
  });
  let text = '';
  let reasoning = '';
  // Thinking blocks begun and not yet ended: one left open at the end was cut off.
  const openThinking = new Set<string>();
  let finishReason: string | undefined;
  let reported: LanguageModelUsage | undefined;
  const toolCalls: ReceivedToolCall[] = [];
  for await (const part of stream.fullStream) {
    // Every part counts as activity, thinking too: a model may think for minutes in silence.
    onPart();
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
      throw onError(part.error, text);
    } else if (part.type === 'finish') {
      finishReason = part.finishReason;
      reported = part.totalUsage;
    }
  }
  return {
    text,
    reasoning,
    unclosed: openThinking.size > 0,
    finishReason,
    reported,
    toolCalls,
    async complete() {
      const messages = (await stream.response).messages;
      const assistantMessage = messages.find(
        (message): message is AssistantModelMessage => message.role === 'assistant',
      ) ?? { role: 'assistant', content: text };
      // The SDK reads and checks structured output itself; what it cannot read is left to the
      // caller's own reader (see `callObject`).
      const output = request.output
        ? await Promise.resolve(stream.output).catch(() => undefined)
        : undefined;
      return { assistantMessage, output };
    },
  };
}
