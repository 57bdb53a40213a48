import type { LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { tool } from 'ai';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { z } from 'zod';
import { ModelCallError } from '../../src/errors/model-call-error.js';
import { callText } from '../../src/model/call-text.js';
import { callTools } from '../../src/model/call-tools.js';
import { streamAttempt } from '../../src/model/stream-attempt.js';
import { estimateCounter } from '../../src/model/tokens/token-counter.js';
import { UsageMeter } from '../../src/model/usage-meter.js';
import { httpError } from '../helpers/api-errors.js';
import { createFakeClock } from '../helpers/fake-clock.js';
import {
  finishPart,
  providerUsage,
  scriptedModel,
  streamingModel,
  textDeltas,
} from '../helpers/mock-model.js';

// How one streamed attempt ends, seen through the calls that make it.

const once = { maxAttempts: 1, initialDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 };
const twice = { ...once, maxAttempts: 2 };
const timeouts = { idleTimeoutMs: 60_000, requestTimeoutMs: 600_000 };

/** The `ModelCallError` a text call on `model` ends with. */
async function textFailure(
  model: Parameters<typeof callText>[0]['model'],
  settings: Partial<Parameters<typeof callText>[0]> = {},
): Promise<ModelCallError> {
  const error = await callText({ model, prompt: 'x', retry: once, ...settings }).catch(
    (caught: unknown) => caught,
  );
  if (!(error instanceof ModelCallError)) throw new Error(`not a ModelCallError: ${error}`);
  return error;
}

describe('one streamed attempt', () => {
  it('ends with the caller reason when stopped mid-reply, even by a server that goes on', async () => {
    const controller = new AbortController();
    const stop = new Error('stopped by the user');
    const { model } = streamingModel([...textDeltas('one ', 'two ', 'three'), finishPart()]);
    const error = await textFailure(model, {
      abortSignal: controller.signal,
      onTextDelta: () => controller.abort(stop),
    });
    expect(error).toMatchObject({ reason: 'abort', cause: stop });
  });

  it('says how far a cut stream got and keeps its start', async () => {
    const parts: LanguageModelV3StreamPart[] = [
      ...textDeltas('Some text'),
      { type: 'error', error: new Error('socket hang up') },
    ];
    const error = await textFailure(streamingModel(parts).model);
    expect(error.cause).toMatchObject({
      problem: 'streamError',
      message: 'the reply stream failed after 9 characters: socket hang up',
      excerpt: 'Some text',
    });
    const odd = await textFailure(
      streamingModel([...textDeltas('x'.repeat(250)), { type: 'error', error: 'gone' }]).model,
    );
    expect(odd.cause).toMatchObject({
      message: 'the reply stream failed after 250 characters: gone',
      excerpt: 'x'.repeat(200),
    });
  });

  it("keeps an HTTP error sent mid-stream as the server's status, retried as one", async () => {
    const parts: LanguageModelV3StreamPart[] = [{ type: 'error', error: httpError(503) }];
    const error = await textFailure(streamingModel(parts).model, { clock: createFakeClock() });
    expect(error).toMatchObject({ reason: 'maxRetriesExceeded', statusCode: 503 });
  });

  it('charges no tokens for a stream that ended without a finish part', async () => {
    const meter = new UsageMeter();
    const error = await textFailure(streamingModel(textDeltas('Half a rep')).model, { meter });
    expect(error.cause).toMatchObject({ problem: 'streamError' });
    expect(meter.totals()).toMatchObject({ failedAttempts: 1, inputTokens: 0, outputTokens: 0 });
  });

  it('returns the reply of a conversation as a message without its thinking', async () => {
    const model = streamingModel([
      { type: 'reasoning-start', id: 'r' },
      { type: 'reasoning-delta', id: 'r', delta: 'weigh it' },
      { type: 'reasoning-end', id: 'r' },
      { type: 'text-start', id: 't' },
      ...textDeltas('Done.'),
      { type: 'text-end', id: 't' },
      finishPart(),
    ]).model;
    const result = await callTools({
      model,
      retry: twice,
      messages: [{ role: 'user', content: 'go' }],
      tools: {},
    });
    expect(result.assistantMessage).toEqual({
      role: 'assistant',
      content: [{ type: 'text', text: 'Done.' }],
    });
  });

  it('reads a text call of the current specification straight from the provider', async () => {
    // streamText would call the provider with its own defaults; the direct reader sends only
    // what the request holds.
    const model = scriptedModel([{ text: 'Fine.' }]);
    await callText({ model, prompt: 'x' });
    expect(Object.keys(model.doStreamCalls[0] ?? {}).sort()).toEqual(
      [
        'abortSignal',
        'maxOutputTokens',
        'prompt',
        'providerOptions',
        'responseFormat',
        'seed',
        'temperature',
      ].sort(),
    );
  });

  it('rejects with the caller reason itself when stopped, whether the stream then ends or fails', async () => {
    for (const ending of [finishPart(), { type: 'error', error: new Error('closed') } as const]) {
      const controller = new AbortController();
      const stop = new Error('stopped by the user');
      const { model } = streamingModel([...textDeltas('one ', 'two'), ending]);
      const error = await streamAttempt({
        model,
        request: { prompt: 'x' },
        timeouts,
        abortSignal: controller.signal,
        onTextDelta: () => controller.abort(stop),
      }).catch((caught: unknown) => caught);
      expect(error).toBe(stop);
    }
  });

  it('sends a conversation without tools as the conversation', async () => {
    const { model } = streamingModel([
      { type: 'text-start', id: 't' },
      ...textDeltas('Done.'),
      { type: 'text-end', id: 't' },
      finishPart(),
    ]);
    const result = await streamAttempt({
      model,
      request: { messages: [{ role: 'user', content: 'Go on.' }] },
      timeouts,
    });
    expect(result.text).toBe('Done.');
    expect(model.doStreamCalls[0]?.prompt).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Go on.' }] },
    ]);
  });

  it('leaves no timer running once the attempt ended', async () => {
    vi.useFakeTimers();
    onTestFinished(() => {
      vi.useRealTimers();
    });
    await streamAttempt({
      model: scriptedModel([{ text: 'Fine.' }]),
      request: { prompt: 'x' },
      timeouts,
    });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('counts the tool calls of a reply the server reported no usage for', async () => {
    const { model } = streamingModel([
      { type: 'tool-call', toolCallId: '1', toolName: 'write', input: '{"path":"a.js"}' },
      {
        type: 'finish',
        finishReason: { unified: 'tool-calls', raw: 'tool_calls' },
        usage: providerUsage(undefined, undefined),
      },
    ]);
    const result = await streamAttempt({
      model,
      request: {
        messages: [{ role: 'user', content: 'Go on.' }],
        tools: { write: tool({ inputSchema: z.object({ path: z.string() }) }) },
      },
      timeouts,
    });
    expect(result.usage).toMatchObject({
      outputTokens: estimateCounter.count('\nwrite{"path":"a.js"}'),
      estimated: { tokenizer: estimateCounter.name },
    });
  });
});
