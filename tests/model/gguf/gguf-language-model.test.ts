import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APICallError, type LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { generateText, Output, streamText } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseContextOverflow } from '../../../src/model/context/parse-context-overflow.js';
import { createGgufModel } from '../../../src/model/gguf/create-gguf-model.js';
import { GgufLanguageModel } from '../../../src/model/gguf/gguf-language-model.js';
import { defaultGgufSettings } from '../../../src/model/gguf/gguf-settings.js';
import { type GgufRuntime, loadGgufRuntime } from '../../../src/model/gguf/load-gguf-runtime.js';
import { writeTinyGguf } from '../../helpers/tiny-gguf.js';
import { answer, type ScriptedChunk, scriptedChatRuntime, thought } from './scripted-llama-chat.js';

// Real node-llama-cpp inference on a generated 2-layer model with random weights: gibberish
// text, but every path quire relies on (loading, streaming, limits, abort, usage, grammar) runs.
let directory: string;
let path: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'quire-gguf-'));
  path = await writeTinyGguf({ directory });
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

const prompt = 'Write a paragraph about lighthouses.';

describe('a gguf: model', () => {
  it('loads with the context size and tokenizer of its file', async () => {
    const { local } = createGgufModel({ path });
    expect(await local.contextTokens()).toBe(8192);
    const counter = await local.tokenCounter();
    expect(counter.name).toBe('gguf');
    // The vocabulary merges letter pairs: "lighthouses" is fewer tokens than letters.
    const count = counter.count('lighthouses');
    expect(count).toBeGreaterThan(1);
    expect(count).toBeLessThan('lighthouses'.length);
    // Its own vocabulary counts exactly: no margin for an estimate.
    expect(counter.lowestRatio('lighthouses')).toBe(1);
  });

  it('loads with the context size model.contextTokens gives it', async () => {
    const { local } = createGgufModel({ path, contextTokens: 1024 });
    expect(await local.contextTokens()).toBe(1024);
  });

  it('streams text in pieces, stops at the token limit with finish reason length, and counts usage', async () => {
    const { model } = createGgufModel({ path });
    // A seed whose reply does not end on its own before 40 tokens.
    const result = streamText({ model, prompt, maxOutputTokens: 40, seed: 1 });
    const pieces: string[] = [];
    for await (const piece of result.textStream) pieces.push(piece);
    expect(pieces.length).toBeGreaterThan(5);
    expect(await result.finishReason).toBe('length');
    const usage = await result.usage;
    expect(usage.outputTokens).toBe(40);
    const counter = await createGgufModel({ path }).local.tokenCounter();
    // The chat template wraps the prompt: more tokens than its text alone.
    expect(usage.inputTokens).toBeGreaterThan(counter.count(prompt));
  });

  it('counts the longer prompt as more input tokens, by what the tokenizer says it adds', async () => {
    const { model, local } = createGgufModel({ path });
    const counter = await local.tokenCounter();
    const extra = ' Mention the keepers, the lenses and the storms.';
    const short = await generateText({ model, prompt, maxOutputTokens: 2, seed: 1 });
    const long = await generateText({ model, prompt: prompt + extra, maxOutputTokens: 2, seed: 1 });
    const added = (long.usage.inputTokens ?? 0) - (short.usage.inputTokens ?? 0);
    expect(Math.abs(added - counter.count(extra))).toBeLessThanOrEqual(2);
  });

  it('stops generating when the abort signal fires, and serves the next call', async () => {
    const { model } = createGgufModel({ path });
    const controller = new AbortController();
    const { stream } = await model.doStream({
      prompt: [{ role: 'user', content: [{ type: 'text', text: prompt }] }],
      maxOutputTokens: 4000,
      seed: 1,
      abortSignal: controller.signal,
    });
    const reader = stream.getReader();
    const parts: LanguageModelV3StreamPart[] = [];
    let read = await reader.read();
    while (!read.done && read.value.type !== 'text-delta') {
      parts.push(read.value);
      read = await reader.read();
    }
    controller.abort(new Error('stopped by the test'));
    const drain = async () => {
      for (;;) {
        const next = await reader.read();
        if (next.done) return parts;
        parts.push(next.value);
      }
    };
    await expect(drain()).rejects.toThrow('stopped by the test');
    expect(parts.some((part) => part.type === 'finish')).toBe(false);
    const next = await generateText({ model, prompt, maxOutputTokens: 3, seed: 2 });
    expect(next.usage.outputTokens).toBeGreaterThan(0);
  });

  it('returns schema-valid JSON from random weights through the JSON-schema grammar', async () => {
    const { model } = createGgufModel({ path });
    const schema = z.object({
      title: z.string(),
      kind: z.enum(['guide', 'essay']),
      draft: z.boolean(),
      sections: z.array(z.object({ heading: z.string(), words: z.int() })),
      note: z.string().optional(),
    });
    for (const seed of [1, 2, 3]) {
      const { output } = await generateText({
        model,
        prompt: 'Plan a guide to lighthouses.',
        output: Output.object({ schema }),
        maxOutputTokens: 3000,
        seed,
      });
      // Output.object has parsed and validated it already; integers are checked after parsing
      // (the grammar's integers allow an exponent), as quire's schemas do.
      expect(schema.safeParse(output).success).toBe(true);
    }
  });

  it('refuses a prompt longer than its context the way llama.cpp does, so quire learns the window', async () => {
    const { model } = createGgufModel({ path, contextTokens: 512 });
    const error = await generateText({
      model,
      prompt: 'lighthouse keeper '.repeat(400),
      maxRetries: 0,
    }).catch((caught: unknown) => caught);
    expect(APICallError.isInstance(error)).toBe(true);
    const refusal = error as APICallError;
    expect(
      parseContextOverflow({
        statusCode: refusal.statusCode,
        message: refusal.message,
        responseBody: refusal.responseBody,
      }),
    ).toMatchObject({ server: 'llama.cpp', windowTokens: 512 });
  });

  it('refuses tool calls, which it cannot make', async () => {
    const { model } = createGgufModel({ path });
    await expect(
      model.doGenerate({
        prompt: [{ role: 'user', content: [{ type: 'text', text: prompt }] }],
        tools: [{ type: 'function', name: 'read', inputSchema: { type: 'object' } }],
      }),
    ).rejects.toThrow(/tool calls/);
  });
});

describe('a gguf: model replying with thinking segments', () => {
  let runtime: GgufRuntime;
  beforeAll(async () => {
    runtime = await loadGgufRuntime({ path, settings: defaultGgufSettings, contextTokens: 1024 });
  }, 60_000);
  afterAll(async () => {
    await runtime?.model.dispose();
  });

  const call = {
    prompt: [{ role: 'user' as const, content: [{ type: 'text' as const, text: prompt }] }],
    maxOutputTokens: 8,
  };

  function scriptedModel(chunks: ScriptedChunk[], extra: { failure?: Error; hold?: boolean } = {}) {
    const scripted = scriptedChatRuntime({ runtime, chunks, ...extra });
    const model = new GgufLanguageModel({
      modelId: 'tiny.gguf',
      load: async () => scripted.runtime,
    });
    return { model, log: scripted.log };
  }

  async function readAll(stream: ReadableStream<LanguageModelV3StreamPart>) {
    const parts: LanguageModelV3StreamPart[] = [];
    for await (const part of stream) parts.push(part);
    return parts;
  }

  it('returns the reasoning before the text, each joined, with no warnings', async () => {
    const { model } = scriptedModel([
      thought('Think '),
      answer('Lights '),
      thought('again'),
      answer('shine'),
    ]);
    const result = await model.doGenerate(call);
    expect(result.content).toEqual([
      { type: 'reasoning', text: 'Think again' },
      { type: 'text', text: 'Lights shine' },
    ]);
    expect(result.warnings).toEqual([]);
    expect(result.finishReason).toEqual({ unified: 'stop', raw: 'eogToken' });
  });

  it('returns no part for a kind the reply does not have', async () => {
    const { model } = scriptedModel([answer('Lights')]);
    expect((await model.doGenerate(call)).content).toEqual([{ type: 'text', text: 'Lights' }]);
    const silent = scriptedModel([thought('Hmm')]).model;
    expect((await silent.doGenerate(call)).content).toEqual([{ type: 'reasoning', text: 'Hmm' }]);
  });

  it('streams each run of one kind as its own block, started and ended, with ids of its reply', async () => {
    const { model } = scriptedModel([
      thought('Think'),
      thought(' more'),
      answer('Lights'),
      thought('again'),
    ]);
    const first = await readAll((await model.doStream(call)).stream);
    expect(first).toEqual([
      { type: 'stream-start', warnings: [] },
      {
        type: 'response-metadata',
        id: 'gguf-1',
        timestamp: expect.any(Date),
        modelId: 'tiny.gguf',
      },
      { type: 'reasoning-start', id: 'gguf-1-1' },
      { type: 'reasoning-delta', id: 'gguf-1-1', delta: 'Think' },
      { type: 'reasoning-delta', id: 'gguf-1-1', delta: ' more' },
      { type: 'reasoning-end', id: 'gguf-1-1' },
      { type: 'text-start', id: 'gguf-1-2' },
      { type: 'text-delta', id: 'gguf-1-2', delta: 'Lights' },
      { type: 'text-end', id: 'gguf-1-2' },
      { type: 'reasoning-start', id: 'gguf-1-3' },
      { type: 'reasoning-delta', id: 'gguf-1-3', delta: 'again' },
      { type: 'reasoning-end', id: 'gguf-1-3' },
      expect.objectContaining({
        type: 'finish',
        finishReason: { unified: 'stop', raw: 'eogToken' },
      }),
    ]);
    const second = await readAll((await model.doStream(call)).stream);
    expect(second[1]).toMatchObject({ type: 'response-metadata', id: 'gguf-2' });
    expect(second[2]).toEqual({ type: 'reasoning-start', id: 'gguf-2-1' });
  });

  it('fails the stream with the error generation failed with', async () => {
    const failure = new Error('decode failed');
    const { model } = scriptedModel([answer('Li')], { failure });
    await expect(readAll((await model.doStream(call)).stream)).rejects.toBe(failure);
  });

  it('stops generating with the reason a reader cancels the stream with', async () => {
    const { model, log } = scriptedModel([answer('Li')], { hold: true });
    const reader = (await model.doStream(call)).stream.getReader();
    let read = await reader.read();
    while (!read.done && read.value.type !== 'text-delta') read = await reader.read();
    const reason = new Error('reader left');
    await reader.cancel(reason);
    expect(log.signals[0]?.aborted).toBe(true);
    expect(log.signals[0]?.reason).toBe(reason);
  });
});
