import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APICallError, type LanguageModelV3CallOptions } from '@ai-sdk/provider';
import type { ChatHistoryItem } from 'node-llama-cpp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatHistoryFromPrompt } from '../../../src/model/gguf/chat-history-from-prompt.js';
import { type GgufDelta, generateGgufReply } from '../../../src/model/gguf/generate-gguf-reply.js';
import { defaultGgufSettings } from '../../../src/model/gguf/gguf-settings.js';
import { type GgufRuntime, loadGgufRuntime } from '../../../src/model/gguf/load-gguf-runtime.js';
import { renderPrompt } from '../../../src/prompts/render-prompt.js';
import { writeTinyGguf } from '../../helpers/tiny-gguf.js';
import { answer, scriptedChatRuntime, thought } from './scripted-llama-chat.js';

// One real runtime for the file (loading is the slow part), on a small context.
const contextTokens = 1024;
let directory: string;
let runtime: GgufRuntime;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'quire-gguf-'));
  const path = await writeTinyGguf({ directory });
  runtime = await loadGgufRuntime({ path, settings: defaultGgufSettings, contextTokens });
}, 60_000);
afterAll(async () => {
  await runtime?.model.dispose();
  await rm(directory, { recursive: true, force: true });
});

const user = 'Write a paragraph about lighthouses.';
const schema = { type: 'object', properties: { title: { type: 'string' } }, required: ['title'] };

function call(overrides: Partial<LanguageModelV3CallOptions> = {}): LanguageModelV3CallOptions {
  return {
    prompt: [{ role: 'user', content: [{ type: 'text', text: user }] }],
    maxOutputTokens: 1,
    seed: 1,
    ...overrides,
  };
}

function generate(options: LanguageModelV3CallOptions, on: GgufRuntime = runtime) {
  const deltas: GgufDelta[] = [];
  const reply = generateGgufReply({
    runtime: on,
    options,
    onDelta: (delta) => deltas.push(delta),
  });
  return { reply, deltas };
}

/** The prompt tokens of `history` under the runtime's chat template. */
function tokensOf(history: ChatHistoryItem[]): number {
  return runtime.chatWrapper
    .generateContextState({ chatHistory: history })
    .contextText.tokenize(runtime.model.tokenizer).length;
}

async function schemaPrompt(): Promise<string> {
  const { prompt } = await renderPrompt({
    name: 'gguf-json-schema',
    variables: { schema: JSON.stringify(schema) },
  });
  return prompt;
}

describe('generateGgufReply on a real model', () => {
  it('accepts an empty tool list, and ends a reply cut at maxOutputTokens with length', async () => {
    const { reply } = generate(call({ tools: [], maxOutputTokens: 2 }));
    expect(await reply).toMatchObject({
      finishReason: { unified: 'length', raw: 'maxTokens' },
      usage: { outputTokens: { total: 2, text: 2, reasoning: 0 } },
    });
  });

  it('puts the JSON schema into the prompt as a system message of its own', async () => {
    const { reply } = generate(call({ responseFormat: { type: 'json', schema } }));
    const history = chatHistoryFromPrompt(call().prompt);
    const expected = tokensOf([{ type: 'system', text: await schemaPrompt() }, ...history]);
    expect((await reply).usage.inputTokens.total).toBe(expected);
  });

  it('appends the JSON schema to a system message that comes first', async () => {
    const prompt: LanguageModelV3CallOptions['prompt'] = [
      { role: 'system', content: 'You write guides.' },
      ...call().prompt,
    ];
    const scripted = scriptedChatRuntime({ runtime, chunks: [answer('{}')] });
    await generate(call({ prompt, responseFormat: { type: 'json', schema } }), scripted.runtime)
      .reply;
    const [, ...rest] = chatHistoryFromPrompt(prompt);
    const system = `You write guides.\n\n${await schemaPrompt()}`;
    expect(scripted.log.histories).toEqual([[{ type: 'system', text: system }, ...rest]]);
  });

  it('adds nothing to the prompt for JSON without a schema', async () => {
    const { reply } = generate(call({ responseFormat: { type: 'json' } }));
    expect((await reply).usage.inputTokens.total).toBe(
      tokensOf(chatHistoryFromPrompt(call().prompt)),
    );
  });

  it('refuses a reply limit beyond the room the prompt leaves, as llama.cpp does, not retryably', async () => {
    const inputTokens = tokensOf(chatHistoryFromPrompt(call().prompt));
    const { reply } = generate(call({ maxOutputTokens: contextTokens }));
    const error = await reply.catch((caught: unknown) => caught);
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      statusCode: 400,
      isRetryable: false,
      message: `request (${inputTokens} tokens) exceeds the available context size (${contextTokens} tokens), try increasing it`,
    });
  });
});

describe('generateGgufReply at the edge of the context', () => {
  it('allows a reply limit that exactly fills the room the prompt leaves', async () => {
    const room = contextTokens - tokensOf(chatHistoryFromPrompt(call().prompt));
    const scripted = scriptedChatRuntime({ runtime, chunks: [answer('Lights')] });
    const { reply } = generate(call({ maxOutputTokens: room }), scripted.runtime);
    expect((await reply).usage.outputTokens.total).toBe(1);
  });

  it('refuses a prompt that fills the context exactly, leaving no room for a reply', async () => {
    const inputTokens = tokensOf(chatHistoryFromPrompt(call().prompt));
    const scripted = scriptedChatRuntime({ runtime, chunks: [answer('Lights')] });
    const full = { ...scripted.runtime, context: { contextSize: inputTokens } } as GgufRuntime;
    const error = await generate(call({ maxOutputTokens: undefined }), full).reply.catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ statusCode: 400, isRetryable: false });
    expect(scripted.log.histories).toEqual([]);
  });
});

describe('generateGgufReply with thinking segments', () => {
  it('reports thinking as reasoning and the answer as text, skips empty pieces, and counts both', async () => {
    const scripted = scriptedChatRuntime({
      runtime,
      chunks: [thought('plan', 2), thought(''), answer('Lights', 4)],
    });
    const { reply, deltas } = generate(call(), scripted.runtime);
    expect(await reply).toMatchObject({
      finishReason: { unified: 'stop', raw: 'eogToken' },
      usage: { outputTokens: { total: 7, text: 4, reasoning: 3 } },
    });
    expect(deltas).toEqual([
      { kind: 'reasoning', text: 'plan' },
      { kind: 'text', text: 'Lights' },
    ]);
    // The chat is let go, the context's one sequence kept for the next call.
    expect(scripted.log.disposed).toEqual([{ disposeSequence: false }]);
  });

  it('lets the chat go when generation fails', async () => {
    const failure = new Error('decode failed');
    const scripted = scriptedChatRuntime({ runtime, chunks: [], failure });
    await expect(generate(call(), scripted.runtime).reply).rejects.toBe(failure);
    expect(scripted.log.disposed).toEqual([{ disposeSequence: false }]);
  });
});
