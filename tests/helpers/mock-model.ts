import type {
  LanguageModelV3StreamPart,
  LanguageModelV3StreamResult,
  LanguageModelV3Usage,
} from '@ai-sdk/provider';
import { simulateReadableStream } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';

/** One scripted reply: a streamed text, or an error thrown by the provider call. */
export type ScriptedReply =
  | {
      text: string;
      finishReason?: 'stop' | 'length' | 'error' | 'content-filter' | 'other';
      inputTokens?: number;
      outputTokens?: number;
      cachedInputTokens?: number;
      /** Thinking sent in reasoning parts before the text, as `reasoning_content` arrives. */
      reasoning?: string;
      /** Reasoning tokens the provider reports (0 when not given). */
      reasoningTokens?: number;
      /** Ends the stream with an error part after the text (a stream cut mid-way). */
      streamError?: unknown;
    }
  | Error;

/** A V3 stream result carrying `reply`. */
export function streamReply(reply: Exclude<ScriptedReply, Error>): LanguageModelV3StreamResult {
  const thinking: LanguageModelV3StreamPart[] =
    reply.reasoning === undefined
      ? []
      : [
          { type: 'reasoning-start', id: 'r' },
          ...splitText(reply.reasoning).map((delta) => ({
            type: 'reasoning-delta' as const,
            id: 'r',
            delta,
          })),
          { type: 'reasoning-end', id: 'r' },
        ];
  const chunks: LanguageModelV3StreamPart[] = [
    { type: 'stream-start', warnings: [] },
    ...thinking,
    { type: 'text-start', id: 't' },
    ...splitText(reply.text).map((delta) => ({ type: 'text-delta' as const, id: 't', delta })),
    { type: 'text-end', id: 't' },
  ];
  if (reply.streamError !== undefined) {
    chunks.push({ type: 'error', error: reply.streamError });
  } else {
    chunks.push({
      type: 'finish',
      finishReason: { unified: reply.finishReason ?? 'stop', raw: reply.finishReason ?? 'stop' },
      usage: {
        inputTokens: {
          total: reply.inputTokens ?? 10,
          noCache: (reply.inputTokens ?? 10) - (reply.cachedInputTokens ?? 0),
          cacheRead: reply.cachedInputTokens ?? 0,
          cacheWrite: undefined,
        },
        outputTokens: {
          total: reply.outputTokens ?? 5,
          text: (reply.outputTokens ?? 5) - (reply.reasoningTokens ?? 0),
          reasoning: reply.reasoningTokens ?? 0,
        },
      },
    });
  }
  return {
    stream: simulateReadableStream({ chunks, initialDelayInMs: null, chunkDelayInMs: null }),
  };
}

/**
 * A `MockLanguageModelV3` that answers each call with the next scripted reply (the last one
 * repeats). Errors are thrown from `doStream`, as a provider client throws them.
 */
export function scriptedModel(
  replies: ScriptedReply[],
  modelId = 'mock-model',
): MockLanguageModelV3 {
  let index = 0;
  return new MockLanguageModelV3({
    modelId,
    doStream: async () => {
      const reply = replies[Math.min(index, replies.length - 1)];
      index++;
      if (reply === undefined) throw new Error('no scripted reply');
      if (reply instanceof Error) throw reply;
      return streamReply(reply);
    },
  });
}

function splitText(text: string): string[] {
  const parts = text.match(/[\s\S]{1,16}/g);
  return parts ?? [];
}

/**
 * A mock model whose stream sends `parts`, one per read as a network stream gives them;
 * `state.cancelled` says whether the reader cancelled it part-way.
 */
export function streamingModel(parts: LanguageModelV3StreamPart[]) {
  const state = { cancelled: false, sent: 0 };
  const model = new MockLanguageModelV3({
    doStream: async () => ({
      // One part per pull, as a network stream gives them: a stream left part-way is still open.
      stream: new ReadableStream<LanguageModelV3StreamPart>(
        {
          pull(controller) {
            const part = parts[state.sent++];
            if (part === undefined) controller.close();
            else controller.enqueue(part);
          },
          cancel() {
            state.cancelled = true;
          },
        },
        { highWaterMark: 0 },
      ),
    }),
  });
  return { model, state };
}

/** A provider usage of `input` and `output` tokens (either may be unknown). */
export function providerUsage(
  input: number | undefined,
  output: number | undefined,
): LanguageModelV3Usage {
  return {
    inputTokens: { total: input, noCache: input, cacheRead: 0, cacheWrite: undefined },
    outputTokens: { total: output, text: output, reasoning: 0 },
  };
}

/** A finish part with `reason` and `usage`. */
export function finishPart(
  reason: 'stop' | 'length' = 'stop',
  usage: LanguageModelV3Usage = providerUsage(10, 5),
): LanguageModelV3StreamPart {
  return { type: 'finish', finishReason: { unified: reason, raw: reason }, usage };
}

/** Text deltas, one part per piece. */
export function textDeltas(...pieces: string[]): LanguageModelV3StreamPart[] {
  return pieces.map((delta) => ({ type: 'text-delta', id: 't', delta }));
}
