import type { LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { Output } from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readSdkStream } from '../../src/model/read-sdk-stream.js';
import type { AttemptRequest } from '../../src/model/stream-attempt.js';
import { finishPart, providerUsage, streamingModel, textDeltas } from '../helpers/mock-model.js';

// The reader behind conversations, tools and telemetry, on a mock provider streaming given parts.

/** Reads `parts` through `streamText` as one attempt of `request`, gathering what it saw. */
async function read(
  parts: LanguageModelV3StreamPart[],
  request: Partial<AttemptRequest> = {},
  onError: (error: unknown, text: string) => unknown = (error) => error,
) {
  const { model } = streamingModel(parts);
  const seen = { parts: 0, deltas: [] as string[] };
  const reply = await readSdkStream({
    model,
    request: {
      messages: [{ role: 'user', content: 'Write about tides.' }],
      ...request,
    } as AttemptRequest,
    abortSignal: new AbortController().signal,
    telemetry: undefined,
    onPart: () => seen.parts++,
    onTextDelta: (delta) => seen.deltas.push(delta),
    onError,
  });
  return { reply, seen, model };
}

/** A text block of `pieces`, opened (and unless `open`, closed) as the SDK expects it. */
function textBlock(pieces: string[], { open = false } = {}): LanguageModelV3StreamPart[] {
  const end: LanguageModelV3StreamPart[] = open ? [] : [{ type: 'text-end', id: 't' }];
  return [{ type: 'text-start', id: 't' }, ...textDeltas(...pieces), ...end];
}

const thinking: LanguageModelV3StreamPart[] = [
  { type: 'reasoning-start', id: 'r' },
  { type: 'reasoning-delta', id: 'r', delta: 'weigh ' },
  { type: 'reasoning-delta', id: 'r', delta: 'it' },
];

describe('readSdkStream', () => {
  it('gathers the text, the thinking, the finish reason and the usage', async () => {
    const parts = [
      ...thinking,
      { type: 'reasoning-end', id: 'r' } as const,
      ...textBlock(['The tide ', 'turns.']),
      finishPart('length', providerUsage(40, 25)),
    ];
    const { reply, seen } = await read(parts);
    expect(reply).toMatchObject({
      text: 'The tide turns.',
      reasoning: 'weigh it',
      unclosed: false,
      finishReason: 'length',
      reported: { inputTokens: 40, outputTokens: 25, totalTokens: 65 },
      toolCalls: [],
    });
    expect(seen.deltas).toEqual(['The tide ', 'turns.']);
    // Every part the SDK passes on counts as activity, its own step parts included.
    expect(seen.parts).toBeGreaterThanOrEqual(parts.length);
  });

  it('says when a thinking part was never ended', async () => {
    const { reply } = await read([...thinking, finishPart('length')]);
    expect(reply).toMatchObject({ text: '', reasoning: 'weigh it', unclosed: true });
  });

  it("takes the SDK's finish of a stream that ended without one: 'other', with no counts", async () => {
    const { reply } = await read(textBlock(['Half a rep'], { open: true }));
    expect(reply).toMatchObject({
      text: 'Half a rep',
      finishReason: 'other',
      reported: { inputTokens: undefined, outputTokens: undefined },
    });
  });

  it('throws what onError makes of an error part, with the text so far', async () => {
    const cause = new Error('connection reset');
    const made: unknown[] = [];
    const error = await read(
      [...textBlock(['Some text'], { open: true }), { type: 'error', error: cause }],
      {},
      (received, text) => {
        made.push(received, text);
        return new Error(`cut after ${text.length}`);
      },
    ).catch((caught: unknown) => caught);
    expect(error).toEqual(new Error('cut after 9'));
    expect(made).toEqual([cause, 'Some text']);
  });

  it('gives the reply as the assistant message of the conversation', async () => {
    const { reply } = await read([...textBlock(['Done.']), finishPart()]);
    const { assistantMessage, output } = await reply.complete();
    expect(assistantMessage).toMatchObject({
      role: 'assistant',
      content: [{ type: 'text', text: 'Done.' }],
    });
    expect(output).toBeUndefined();
  });

  it('reads the output of a JSON reply, fence dropped, and none from a mismatch', async () => {
    const output = Output.object({ schema: z.object({ title: z.string() }) });
    const fenced = await read([...textBlock(['```json\n{"title":"Tides"}\n```']), finishPart()], {
      output,
      jsonOnly: true,
    });
    expect(fenced.reply.text).toBe('{"title":"Tides"}');
    expect((await fenced.reply.complete()).output).toEqual({ title: 'Tides' });
    const unmatched = await read([...textBlock(['{"name":1}']), finishPart()], { output });
    expect((await unmatched.reply.complete()).output).toBeUndefined();
  });

  it('keeps the fence of a reply that is not JSON-only', async () => {
    const { reply } = await read([...textBlock(['```json\n{"a":1}\n```']), finishPart()]);
    expect(reply.text).toBe('```json\n{"a":1}\n```');
  });
});
