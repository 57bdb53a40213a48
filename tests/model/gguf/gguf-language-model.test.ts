import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APICallError, type LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { generateText, Output, streamText } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseContextOverflow } from '../../../src/model/context/parse-context-overflow.js';
import { createGgufModel } from '../../../src/model/gguf/create-gguf-model.js';
import { writeTinyGguf } from '../../helpers/tiny-gguf.js';

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
