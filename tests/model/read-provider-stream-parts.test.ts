import type { LanguageModelV3StreamPart, LanguageModelV3Usage } from '@ai-sdk/provider';
import { Output } from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readProviderStream } from '../../src/model/read-provider-stream.js';
import type { AttemptRequest } from '../../src/model/stream-attempt.js';
import { finishPart, providerUsage, streamingModel, textDeltas } from '../helpers/mock-model.js';

// The direct stream reader part by part, on a mock provider: the HTTP cases are in
// read-provider-stream.test.ts.

/** Reads `parts` as one attempt of `request`, gathering what the callbacks saw. */
async function read(
  parts: LanguageModelV3StreamPart[],
  request: Partial<AttemptRequest> = {},
  onError: (error: unknown, text: string) => unknown = (error) => error,
) {
  const { model, state } = streamingModel(parts);
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
    const { model } = await read([finishPart()], {
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
    const { model } = await read([finishPart()]);
    expect(model.doStreamCalls[0]?.prompt).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Write about tides.' }] },
    ]);
  });

  it('asks for the JSON format of an output and reads the value from the reply', async () => {
    const schema = z.object({ title: z.string() });
    const { reply, model } = await read([...textDeltas('{"title":', '"Tides"}'), finishPart()], {
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
    const unmatched = await read([...textDeltas('{"name":1}'), finishPart()], {
      output: Output.object({ schema }),
    });
    expect((await unmatched.reply.complete()).output).toBeUndefined();
    const plain = await read([...textDeltas('{"title":"Tides"}'), finishPart()]);
    expect((await plain.reply.complete()).output).toBeUndefined();
  });

  it('gives an empty message content for an empty reply', async () => {
    const { reply } = await read([finishPart()]);
    expect(reply.text).toBe('');
    expect((await reply.complete()).assistantMessage).toEqual({ role: 'assistant', content: [] });
  });

  it('keeps <think> thinking out of the text and of every delta, and counts every part', async () => {
    const parts = [
      ...textDeltas('<thi', 'nk>plan it</think>', 'The tide ', 'turns.'),
      finishPart(),
    ];
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
    const { reply, seen } = await read([...textDeltas('It ends <thi'), finishPart()]);
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
      ...textDeltas('Answer.'),
      finishPart(),
    ]);
    expect(ended.reply).toMatchObject({
      text: 'Answer.',
      reasoning: 'first second',
      unclosed: false,
    });
    const cut = await read([...thinking, finishPart('length')]);
    expect(cut.reply).toMatchObject({ text: '', reasoning: 'first second', unclosed: true });
  });

  it('says when a <think> block in the content was never closed', async () => {
    const { reply } = await read([...textDeltas('<think>still thinking'), finishPart('length')]);
    expect(reply).toMatchObject({ text: '', reasoning: 'still thinking', unclosed: true });
  });

  it('reports the finish reason and the usage in the SDK terms', async () => {
    const reported: LanguageModelV3Usage = {
      inputTokens: { total: 40, noCache: 30, cacheRead: 10, cacheWrite: 2 },
      outputTokens: { total: 25, text: 20, reasoning: 5 },
    };
    const { reply } = await read([...textDeltas('Done.'), finishPart('length', reported)]);
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
      (await read([finishPart('stop', providerUsage(input, output))])).reply.reported?.totalTokens;
    expect(await totalOf(7, undefined)).toBe(7);
    expect(await totalOf(undefined, 4)).toBe(4);
    expect(await totalOf(undefined, undefined)).toBeUndefined();
  });

  it('has no finish reason and no usage when the stream ended without a finish part', async () => {
    const { reply } = await read(textDeltas('Half a rep'));
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
      [
        ...textDeltas('Some text', ' more'),
        { type: 'error', error: cause },
        ...textDeltas('never read'),
      ],
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
    const parts: LanguageModelV3StreamPart[] = [...textDeltas('a'), { type: 'error', error: 'x' }];
    const left = streamingModel(parts);
    await readProviderStream({
      model: left.model,
      request: { prompt: 'p' },
      abortSignal: new AbortController().signal,
      onPart: () => {},
      onError: (error) => error,
    }).catch(() => {});
    expect(left.state.cancelled).toBe(true);
    const { state } = await read([...textDeltas('whole'), finishPart()]);
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
    const { reply } = await read([...textDeltas(sent), finishPart()], { jsonOnly: true });
    expect(reply.text).toBe(expected);
  });

  it('keeps a fence that does not wrap the whole JSON-only reply', async () => {
    const sent = '```json\n{"a":1}\n```\nThat is all.';
    const { reply } = await read([...textDeltas(sent), finishPart()], { jsonOnly: true });
    expect(reply.text).toBe(sent);
  });

  it('keeps the fence of a reply that is not JSON-only', async () => {
    const { reply } = await read([...textDeltas('```json\n{"a":1}\n```'), finishPart()]);
    expect(reply.text).toBe('```json\n{"a":1}\n```');
  });
});
