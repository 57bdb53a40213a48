import { APICallError, streamText } from 'ai';
import { describe, expect, it } from 'vitest';
import { SimOptionError } from '../../src/errors/sim-option-error.js';
import { applyContextWindow } from '../../src/sim/apply-context-window.js';
import { createSimModel } from '../../src/sim/create-sim-model.js';
import { parseSimSpec } from '../../src/sim/parse-sim-options.js';
import { renderSimPrompt } from '../../src/sim/render-sim-prompt.js';
import type { SimOptionsInput } from '../../src/sim/sim-options.js';
import { truncateRequest } from '../../src/sim/truncate-request.js';
import { estimateTokens } from '../../src/util/estimate-tokens.js';
import { simOverHttp } from '../helpers/sim-http.js';
import { createSimRequest } from './helpers/requests.js';

const notes = (tokens: number) => 'the tide turned at the quay '.repeat(Math.ceil(tokens / 7));
const longRequest = createSimRequest({
  system: 'You write reports.',
  prompt: `Write about 200 words from these notes: ${notes(1_500)} End of notes.`,
  maxOutputTokens: 400,
});

describe('the sim knobs for small servers', () => {
  it('reads them from a spec and refuses bad values', () => {
    expect(parseSimSpec('usage=off,context=2048,server=llama-cpp,discovery=off')).toMatchObject({
      usage: 'off',
      context: 2_048,
      server: 'llama-cpp',
      discovery: 'off',
    });
    expect(() => parseSimSpec('server=tgi')).toThrow(SimOptionError);
    expect(() => parseSimSpec('usage=maybe')).toThrow(/expects on or off/);
    expect(() => parseSimSpec('context=-1')).toThrow(/context/);
  });
});

describe('applyContextWindow', () => {
  const fitOf = (options: Pick<SimOptionsInput, 'context' | 'server'>) =>
    applyContextWindow({
      request: longRequest,
      options: { context: options.context ?? 0, server: options.server ?? 'openai' },
    });

  it('lets everything through without a window, or when the request fits', () => {
    expect(fitOf({ context: 0 })).toMatchObject({ kind: 'fits', request: longRequest });
    expect(fitOf({ context: 10_000, server: 'vllm' })).toMatchObject({ kind: 'fits' });
  });

  it('refuses an over-long request with the 400 of the server imitated', () => {
    for (const server of ['openai', 'vllm', 'llama-cpp'] as const) {
      const result = fitOf({ context: 1_000, server });
      expect(result.kind, server).toBe('refused');
    }
    const openai = fitOf({ context: 1_000, server: 'openai' });
    expect(openai).toMatchObject({
      error: { status: 400, body: { error: { code: 'context_length_exceeded' } } },
    });
    const llamaCpp = fitOf({ context: 1_000, server: 'llama-cpp' });
    expect(llamaCpp).toMatchObject({
      error: { body: { error: { type: 'exceed_context_size_error', n_ctx: 1_000 } } },
    });
  });

  it('llama.cpp: stops the reply where the window ends when the prompt itself fits', () => {
    const prompt = estimateTokens(renderSimPrompt(longRequest));
    const result = fitOf({ context: prompt + 100, server: 'llama-cpp' });
    expect(result).toMatchObject({ kind: 'fits', request: { maxOutputTokens: 100 } });
  });

  it('Ollama: cuts the prompt from its start and reports the window as its tokens', () => {
    const result = fitOf({ context: 1_000, server: 'ollama' });
    if (result.kind !== 'fits') throw new Error('expected the request through');
    expect(result.reportedPromptTokens).toBe(1_000);
    expect(estimateTokens(result.prompt)).toBeLessThanOrEqual(1_000);
    expect(result.prompt).not.toContain('You write reports.');
    expect(result.prompt).toContain('End of notes.');
  });
});

describe('truncateRequest', () => {
  it('keeps the longest end of the conversation that fits', () => {
    const request = createSimRequest({ system: 'S'.repeat(400), prompt: 'P'.repeat(400) });
    const cut = truncateRequest({ request, maxTokens: 120 });
    expect(cut.messages.map((message) => message.role)).toEqual(['system', 'user']);
    expect(cut.messages[1]?.text).toBe('P'.repeat(400));
    expect(estimateTokens(renderSimPrompt(cut))).toBeLessThanOrEqual(120);
    const tighter = truncateRequest({ request, maxTokens: 50 });
    expect(tighter.messages).toHaveLength(1);
    expect(tighter.messages[0]?.text.length).toBeLessThan(400);
  });
});

describe('quire sim serve as a small server', () => {
  const post = (baseUrl: string, body: unknown, path = '/chat/completions') =>
    fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const chat = (content: string, extra: object = {}) => ({
    model: 'sim',
    messages: [{ role: 'user', content }],
    ...extra,
  });

  it('sends no usage, streamed or not, with usage off', async () => {
    const { baseUrl } = await simOverHttp({ usage: 'off' });
    const plain = (await (await post(baseUrl, chat('Write 40 words.'))).json()) as object;
    expect(plain).not.toHaveProperty('usage');
    const streamed = await (
      await post(
        baseUrl,
        chat('Write 40 words.', { stream: true, stream_options: { include_usage: true } }),
      )
    ).text();
    expect(streamed).toContain('[DONE]');
    expect(streamed).not.toContain('"usage"');
  });

  it('refuses an over-long request with the status and body of the server imitated', async () => {
    const { baseUrl } = await simOverHttp({ context: 500, server: 'vllm' });
    const response = await post(baseUrl, chat(notes(800), { max_tokens: 100 }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string; code: number } };
    expect(body.error.code).toBe(400);
    expect(body.error.message).toMatch(
      /^This model's maximum context length is 500 tokens\. However, your request has \d+ input tokens/,
    );
  });

  it('answers the discovery endpoints of the server imitated, and 404 for the others', async () => {
    const llamaCpp = await simOverHttp({ context: 4_096, server: 'llama-cpp' });
    const props = (await (
      await fetch(`${llamaCpp.server.url.replace(/\/v1$/, '')}/props`)
    ).json()) as {
      default_generation_settings: { n_ctx: number };
    };
    expect(props.default_generation_settings.n_ctx).toBe(4_096);
    const root = llamaCpp.server.url.replace(/\/v1$/, '');
    expect((await post(root, { model: 'sim' }, '/api/show')).status).toBe(404);

    const vllm = await simOverHttp({ context: 4_096, server: 'vllm' });
    const models = (await (await fetch(`${vllm.baseUrl}/models`)).json()) as {
      data: Array<{ id: string; max_model_len: number }>;
    };
    expect(models.data[0]).toMatchObject({ id: 'sim', max_model_len: 4_096, owned_by: 'vllm' });

    const ollama = await simOverHttp({ context: 4_096, server: 'ollama' });
    const ollamaRoot = ollama.server.url.replace(/\/v1$/, '');
    const show = (await (await post(ollamaRoot, { model: 'llama3.1' }, '/api/show')).json()) as {
      parameters: string;
      model_info: Record<string, number>;
    };
    expect(show.parameters).toMatch(/^num_ctx\s+4096$/m);
    expect(show.model_info['sim.context_length']).toBe(131_072);
    expect((await fetch(`${ollamaRoot}/props`)).status).toBe(404);
  });
});

describe('the in-process sim with a window', () => {
  it('raises the same refusal as the HTTP server sends', async () => {
    const model = createSimModel({ context: 500, server: 'llama-cpp' });
    const stream = streamText({ model, prompt: notes(800), maxRetries: 0, onError: () => {} });
    let error: unknown;
    for await (const part of stream.fullStream) if (part.type === 'error') error = part.error;
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).statusCode).toBe(400);
    expect(JSON.parse((error as APICallError).responseBody ?? '{}')).toMatchObject({
      error: { type: 'exceed_context_size_error', n_ctx: 500 },
    });
  });

  it('reports no usage with usage off', async () => {
    const model = createSimModel({ usage: 'off' });
    const stream = streamText({ model, prompt: 'Write 30 words on kelp.', maxRetries: 0 });
    const usage = await stream.totalUsage;
    expect(usage.inputTokens).toBeUndefined();
    expect(usage.outputTokens).toBeUndefined();
  });
});
