import type { LanguageModelV3, LanguageModelV3Usage } from '@ai-sdk/provider';
import type { AssistantModelMessage, FinishReason, LanguageModelUsage } from 'ai';
import type { AttemptRequest } from './stream-attempt.js';
import { createThinkingSplitter } from './thinking-splitter.js';

/** A reply as read from the stream, before its thinking, usage and finish are judged. */
export interface StreamedReply {
  text: string;
  reasoning: string;
  /** True when a thinking block began and never ended. */
  unclosed: boolean;
  /** Undefined when the stream ended without a finish part. */
  finishReason: string | undefined;
  /** The usage the server reported; undefined without a finish part. */
  reported: LanguageModelUsage | undefined;
  /**
   * Once the reply is judged complete: the reply as a message, and with `output` the value read
   * and checked against its schema (undefined when it could not be read).
   */
  complete(): Promise<{ assistantMessage: AssistantModelMessage; output: unknown }>;
}

/**
 * One attempt of a text or JSON call read straight from the provider's stream
 * (`LanguageModelV3.doStream`), without the AI SDK's `streamText` and its layers of stream
 * transforms, whose work on every piece of the reply was most of quire's own CPU while writing.
 * Thinking inside the content is set apart as it arrives (`createThinkingSplitter`), reasoning
 * parts are taken as they are. `onPart` is called on every part, thinking included. An error
 * part is thrown as `onError` makes it. For a prompt, no tools and no telemetry; everything
 * else goes through `streamText`.
 */
export async function readProviderStream({
  model,
  request,
  abortSignal,
  onPart,
  onTextDelta,
  onError,
}: {
  model: LanguageModelV3;
  request: AttemptRequest & { prompt: string };
  abortSignal: AbortSignal;
  onPart: () => void;
  onTextDelta?: ((delta: string) => void) | undefined;
  onError: (error: unknown, text: string) => unknown;
}): Promise<StreamedReply> {
  const { system, prompt, maxOutputTokens, temperature, seed, output, providerOptions } = request;
  const { stream } = await model.doStream({
    prompt: [
      ...(system === undefined ? [] : [{ role: 'system' as const, content: system }]),
      { role: 'user', content: [{ type: 'text', text: prompt }] },
    ],
    maxOutputTokens,
    temperature,
    seed,
    responseFormat: output ? await output.responseFormat : undefined,
    providerOptions,
    abortSignal,
  });
  const splitter = createThinkingSplitter();
  let text = '';
  let reasoning = '';
  let finishReason: string | undefined;
  let reported: LanguageModelUsage | undefined;
  // Reasoning parts begun and not yet ended: one left open at the end was cut off.
  const openThinking = new Set<string>();
  const take = (piece: { text: string; reasoning: string }) => {
    reasoning += piece.reasoning;
    if (piece.text === '') return;
    text += piece.text;
    onTextDelta?.(piece.text);
  };
  const reader = stream.getReader();
  let ended = false;
  try {
    for (;;) {
      const { done, value: part } = await reader.read();
      ended = done;
      if (done) break;
      // Every part counts as activity, thinking too: a model may think for minutes in silence.
      onPart();
      if (part.type === 'text-delta') take(splitter.push(part.delta));
      else if (part.type === 'reasoning-start') openThinking.add(part.id);
      else if (part.type === 'reasoning-end') openThinking.delete(part.id);
      else if (part.type === 'reasoning-delta') reasoning += part.delta;
      else if (part.type === 'error') throw onError(part.error, text);
      else if (part.type === 'finish') {
        finishReason = part.finishReason.unified;
        reported = usageOf(part.usage);
      }
    }
  } finally {
    // A reply left part-way (an error part, a thrown error) is cancelled: its connection closes.
    if (!ended) await reader.cancel().catch(() => {});
  }
  take(splitter.finish());
  if (request.jsonOnly) text = withoutFence(text);
  return {
    text,
    reasoning,
    unclosed: splitter.unclosed || openThinking.size > 0,
    finishReason,
    reported,
    async complete() {
      const content = text === '' ? [] : [{ type: 'text' as const, text }];
      // Called once the reply passed its checks, so it had a finish part with usage.
      const context = {
        response: { id: '', timestamp: new Date(0), modelId: model.modelId },
        usage: reported as LanguageModelUsage,
        finishReason: finishReason as FinishReason,
      };
      const value = output
        ? await output.parseCompleteOutput({ text }, context).catch(() => undefined)
        : undefined;
      return { assistantMessage: { role: 'assistant', content }, output: value };
    },
  };
}

/** The provider's usage in the AI SDK's terms, as `streamText` reports it. */
function usageOf(usage: LanguageModelV3Usage): LanguageModelUsage {
  const { inputTokens, outputTokens } = usage;
  return {
    inputTokens: inputTokens.total,
    inputTokenDetails: {
      noCacheTokens: inputTokens.noCache,
      cacheReadTokens: inputTokens.cacheRead,
      cacheWriteTokens: inputTokens.cacheWrite,
    },
    outputTokens: outputTokens.total,
    outputTokenDetails: { textTokens: outputTokens.text, reasoningTokens: outputTokens.reasoning },
    totalTokens:
      inputTokens.total === undefined && outputTokens.total === undefined
        ? undefined
        : (inputTokens.total ?? 0) + (outputTokens.total ?? 0),
  };
}

/** A JSON reply without the Markdown fence a model may put around it. Pure. */
function withoutFence(text: string): string {
  const fenced = /^\s*```[ \t]*(?:json5?|JSON)?[^\S\n]*\n([\s\S]*?)\n?[ \t]*```\s*$/.exec(text);
  return fenced?.[1] ?? text;
}
