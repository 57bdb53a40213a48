import type { LanguageModelV3StreamPart, LanguageModelV3Usage } from '@ai-sdk/provider';
import { Output } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readProviderStream } from '../../src/model/read-provider-stream.js';
import type { AttemptRequest } from '../../src/model/stream-attempt.js';

// The direct stream reader part by part, on a mock provider: the HTTP cases are in
// read-provider-stream.test.ts.

/** A provider usage of `input` and `output` tokens (either may be unknown). */
function usage(input: number | undefined, output: number | undefined): LanguageModelV3Usage {
  return {
    inputTokens: { total: input, noCache: input, cacheRead: 0, cacheWrite: undefined },
    outputTokens: { total: output, text: output, reasoning: 0 },
  };
}

/** A finish part with `reason` and `usage`. */
function finish(
  reason: 'stop' | 'length' = 'stop',
  reported: LanguageModelV3Usage = usage(10, 5),
): LanguageModelV3StreamPart {
  return { type: 'finish', finishReason: { unified: reason, raw: reason }, usage: reported };
}

/** Text deltas, one part per piece. */
function deltas(...pieces: string[]): LanguageModelV3StreamPart[] {
  return pieces.map((delta) => ({ type: 'text-delta', id: 't', delta }));
}

/** A mock model whose stream sends `parts`; `cancelled` says whether the reader cancelled it. */
function streaming(parts: LanguageModelV3StreamPart[]) {
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

/** Reads `parts` as one attempt of `request`, gathering what the callbacks saw. */
async function read(
  parts: LanguageModelV3StreamPart[],
  request: Partial<AttemptRequest> = {},
  onError: (error: unknown, text: string) => unknown = (error) => error,
) {
  const { model, state } = streaming(parts);
  const seen = { parts: 0, deltas: [] as string[] };
  const reply = await readProviderStream({
    model,
    request: { prompt: 'Write about tides.', ...request } as AttemptRequest & { prompt: string },
    abortSignal: new AbortController().signal,
    onPart: () => seen.parts++,
    onTextDelta: (delta) => seen.deltas.push(delta),
    onError,
  });
  return { reply, seen, model, state };
}

describe('readProviderStream', () => {
  it('sends the prompt, the system text and every setting to the provider', async () => {
    const providerOptions = { openai: { reasoningEffort: 'low' } };
    const { model } = await read([finish()], {
      system: 'You write guides.',
      maxOutputTokens: 300,
      temperature: 0.4,
      seed: 9,
      providerOptions,
    });
    expect(model.doStreamCalls[0]).toMatchObject({
      prompt: [
        { role: 'system', content: 'You write guides.' },
        { role: 'user', content: [{ type: 'text', text: 'Write about tides.' }] },
      ],
      maxOutputTokens: 300,
      temperature: 0.4,
      seed: 9,
      providerOptions,
      responseFormat: undefined,
    });
    expect(model.doStreamCalls[0]?.abortSignal).toBeInstanceOf(AbortSignal);
  });

  it('sends no system message without a system text', async () => {
    const { model } = await read([finish()]);
    expect(model.doStreamCalls[0]?.prompt).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Write about tides.' }] },
    ]);
  });

  it('asks for the JSON format of an output and reads the value from the reply', async () => {
    const schema = z.object({ title: z.string() });
    const { reply, model } = await read([...deltas('{"title":', '"Tides"}'), finish()], {
      output: Output.object({ schema }),
    });
    expect(model.doStreamCalls[0]?.responseFormat).toMatchObject({ type: 'json' });
    expect(await reply.complete()).toEqual({
      assistantMessage: {
        role: 'assistant',
        content: [{ type: 'text', text: '{"title":"Tides"}' }],
      },
      output: { title: 'Tides' },
    });
  });

  it('leaves the output undefined when the reply does not match its schema, or none was asked', async () => {
    const schema = z.object({ title: z.string() });
    const unmatched = await read([...deltas('{"name":1}'), finish()], {
      output: Output.object({ schema }),
    });
    expect((await unmatched.reply.complete()).output).toBeUndefined();
    const plain = await read([...deltas('{"title":"Tides"}'), finish()]);
    expect((await plain.reply.complete()).output).toBeUndefined();
  });

  it('gives an empty message content for an empty reply', async () => {
    const { reply } = await read([finish()]);
    expect(reply.text).toBe('');
    expect((await reply.complete()).assistantMessage).toEqual({ role: 'assistant', content: [] });
  });

  it('keeps <think> thinking out of the text and of every delta, and counts every part', async () => {
    const parts = [...deltas('<thi', 'nk>plan it</think>', 'The tide ', 'turns.'), finish()];
    const { reply, seen } = await read(parts);
    expect(reply).toMatchObject({
      text: 'The tide turns.',
      reasoning: 'plan it',
      unclosed: false,
    });
    expect(seen.deltas).toEqual(['The tide ', 'turns.']);
    expect(seen.parts).toBe(parts.length);
  });

  it('gives back a possible tag still held when the stream ends', async () => {
    const { reply, seen } = await read([...deltas('It ends <thi'), finish()]);
    expect(reply.text).toBe('It ends <thi');
    expect(seen.deltas).toEqual(['It ends ', '<thi']);
  });

  it('takes reasoning parts as thinking and says when one was never ended', async () => {
    const thinking: LanguageModelV3StreamPart[] = [
      { type: 'reasoning-start', id: 'r' },
      { type: 'reasoning-delta', id: 'r', delta: 'first ' },
      { type: 'reasoning-delta', id: 'r', delta: 'second' },
    ];
    const ended = await read([
      ...thinking,
      { type: 'reasoning-end', id: 'r' },
      ...deltas('Answer.'),
      finish(),
    ]);
    expect(ended.reply).toMatchObject({
      text: 'Answer.',
      reasoning: 'first second',
      unclosed: false,
    });
    const cut = await read([...thinking, finish('length')]);
    expect(cut.reply).toMatchObject({ text: '', reasoning: 'first second', unclosed: true });
  });

  it('says when a <think> block in the content was never closed', async () => {
    const { reply } = await read([...deltas('<think>still thinking'), finish('length')]);
    expect(reply).toMatchObject({ text: '', reasoning: 'still thinking', unclosed: true });
  });

  it('reports the finish reason and the usage in the SDK terms', async () => {
    const reported: LanguageModelV3Usage = {
      inputTokens: { total: 40, noCache: 30, cacheRead: 10, cacheWrite: 2 },
      outputTokens: { total: 25, text: 20, reasoning: 5 },
    };
    const { reply } = await read([...deltas('Done.'), finish('length', reported)]);
    expect(reply.finishReason).toBe('length');
    expect(reply.reported).toEqual({
      inputTokens: 40,
      inputTokenDetails: { noCacheTokens: 30, cacheReadTokens: 10, cacheWriteTokens: 2 },
      outputTokens: 25,
      outputTokenDetails: { textTokens: 20, reasoningTokens: 5 },
      totalTokens: 65,
    });
  });

  it('totals the usage it was told, and none when it was told none', async () => {
    const totalOf = async (input: number | undefined, output: number | undefined) =>
      (await read([finish('stop', usage(input, output))])).reply.reported?.totalTokens;
    expect(await totalOf(7, undefined)).toBe(7);
    expect(await totalOf(undefined, 4)).toBe(4);
    expect(await totalOf(undefined, undefined)).toBeUndefined();
  });

  it('has no finish reason and no usage when the stream ended without a finish part', async () => {
    const { reply } = await read(deltas('Half a rep'));
    expect(reply).toMatchObject({
      text: 'Half a rep',
      finishReason: undefined,
      reported: undefined,
    });
  });

  it('throws what onError makes of an error part, with the text so far, and cancels the stream', async () => {
    const cause = new Error('connection reset');
    const made: unknown[] = [];
    const error = await read(
      [...deltas('Some text', ' more'), { type: 'error', error: cause }, ...deltas('never read')],
      {},
      (received, text) => {
        made.push(received, text);
        return new Error(`cut after ${text.length}`);
      },
    ).catch((caught: unknown) => caught);
    expect(error).toEqual(new Error('cut after 14'));
    expect(made).toEqual([cause, 'Some text more']);
  });

  it('cancels a stream it leaves part-way, and not one it read to the end', async () => {
    const parts: LanguageModelV3StreamPart[] = [...deltas('a'), { type: 'error', error: 'x' }];
    const left = streaming(parts);
    await readProviderStream({
      model: left.model,
      request: { prompt: 'p' },
      abortSignal: new AbortController().signal,
      onPart: () => {},
      onError: (error) => error,
    }).catch(() => {});
    expect(left.state.cancelled).toBe(true);
    const { state } = await read([...deltas('whole'), finish()]);
    expect(state.cancelled).toBe(false);
  });

  it.each([
    ['```json\n{"a":1}\n```', '{"a":1}'],
    ['  ```JSON  \n{"a":1}```  ', '{"a":1}'],
    ['```\n[1, 2]\n  ```', '[1, 2]'],
    ['```json5\n{a: 1}\n```', '{a: 1}'],
    ['{"a":1}', '{"a":1}'],
    ['Here: ```json\n{"a":1}\n```', 'Here: ```json\n{"a":1}\n```'],
  ])('drops the fence around a JSON-only reply: %j', async (sent, expected) => {
    const { reply } = await read([...deltas(sent), finish()], { jsonOnly: true });
    expect(reply.text).toBe(expected);
  });

  it('keeps the fence of a reply that is not JSON-only', async () => {
    const { reply } = await read([...deltas('```json\n{"a":1}\n```'), finish()]);
    expect(reply.text).toBe('```json\n{"a":1}\n```');
  });
});
