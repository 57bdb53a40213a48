import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { discoverContextWindow } from '../../../src/model/context/discover-context-window.js';
import { resolveContextWindow } from '../../../src/model/context/resolve-context-window.js';
import { resolveModel } from '../../../src/model/resolve-model.js';
import { estimateCounter } from '../../../src/model/tokens/token-counter.js';
import { simOverHttp } from '../../helpers/sim-http.js';

describe('discoverContextWindow, against the discovery endpoints quire sim serve answers', () => {
  it.each([
    ['llama-cpp', { tokens: 2_048, source: 'llama.cpp /props', server: 'llama.cpp' }],
    ['vllm', { tokens: 2_048, source: 'vllm /v1/models', server: 'vllm' }],
    ['ollama', { tokens: 2_048, source: 'ollama /api/show', server: 'ollama' }],
  ] as const)('reads the window of a %s server', async (server, expected) => {
    const { baseUrl } = await simOverHttp({ context: 2_048, server });
    expect(await discoverContextWindow({ baseUrl, modelId: 'sim' })).toEqual(expected);
  });

  it("assumes Ollama's default when the model sets no num_ctx", async () => {
    const { baseUrl } = await simOverHttp({ context: 2_048, server: 'ollama', discovery: 'off' });
    expect(await discoverContextWindow({ baseUrl, modelId: 'llama3.1' })).toEqual({
      tokens: 4_096,
      source: 'ollama default',
      server: 'ollama',
    });
  });

  it('finds nothing where no endpoint tells the window', async () => {
    const openai = await simOverHttp({ context: 2_048, server: 'openai' });
    expect(
      await discoverContextWindow({ baseUrl: openai.baseUrl, modelId: 'sim' }),
    ).toBeUndefined();
    for (const server of ['llama-cpp', 'vllm'] as const) {
      const hidden = await simOverHttp({ context: 2_048, server, discovery: 'off' });
      expect(
        await discoverContextWindow({ baseUrl: hidden.baseUrl, modelId: 'sim' }),
      ).toBeUndefined();
    }
  });

  it('gives up on a server that does not answer within the time limit', async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const found = await discoverContextWindow({
        baseUrl: `http://127.0.0.1:${port}/v1`,
        modelId: 'x',
        timeoutMs: 200,
      });
      expect(found).toBeUndefined();
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

/** One request as a server received it. */
interface SeenRequest {
  method: string;
  url: string;
  headers: unknown;
  body: unknown;
}

/**
 * A `fetch` that answers `routes` (keyed `METHOD url`) with their status and JSON body, and
 * every other request with an empty 404; `requests` lists what was asked, in order.
 */
function fakeServer(routes: Record<string, { status?: number; body: unknown }>) {
  const requests: SeenRequest[] = [];
  const fetch = (async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    requests.push({ method, url, headers: init.headers, body: init.body });
    const route = routes[`${method} ${url}`];
    if (route === undefined) return new Response(null, { status: 404 });
    return new Response(JSON.stringify(route.body), { status: route.status ?? 200 });
  }) as typeof globalThis.fetch;
  return { fetch, requests };
}

const byUrl = (left: SeenRequest, right: SeenRequest) => left.url.localeCompare(right.url);

describe('discoverContextWindow, request by request', () => {
  it("asks each server's endpoint as JSON with the key, naming the model to Ollama", async () => {
    const { fetch, requests } = fakeServer({});
    await discoverContextWindow({
      baseUrl: 'http://gpu-box:8000/v1//',
      modelId: 'qwen2.5',
      apiKey: 'sk-local',
      fetch,
    });
    const json = { accept: 'application/json', authorization: 'Bearer sk-local' };
    expect(requests.sort(byUrl)).toEqual([
      {
        method: 'POST',
        url: 'http://gpu-box:8000/api/show',
        headers: { ...json, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'qwen2.5' }),
      },
      { method: 'GET', url: 'http://gpu-box:8000/props', headers: json, body: undefined },
      { method: 'GET', url: 'http://gpu-box:8000/v1/models', headers: json, body: undefined },
    ]);
  });

  it('sends no key when none is given, and strips only a final /v1 for the root', async () => {
    const { fetch, requests } = fakeServer({});
    await discoverContextWindow({
      baseUrl: 'http://proxy:8080/v1-gateway/v1',
      modelId: 'x',
      fetch,
    });
    expect(requests.map(({ url }) => url).sort()).toEqual([
      'http://proxy:8080/v1-gateway/api/show',
      'http://proxy:8080/v1-gateway/props',
      'http://proxy:8080/v1-gateway/v1/models',
    ]);
    const props = requests.find(({ url }) => url.endsWith('/props'));
    expect(props?.headers).toEqual({ accept: 'application/json' });
  });

  it('ignores an error reply, even one whose body looks like an answer', async () => {
    const { fetch } = fakeServer({
      'GET http://127.0.0.1:8080/props': {
        status: 503,
        body: { default_generation_settings: { n_ctx: 4_096 } },
      },
    });
    expect(
      await discoverContextWindow({ baseUrl: 'http://127.0.0.1:8080/v1', modelId: 'x', fetch }),
    ).toBeUndefined();
  });
});

describe("discoverContextWindow, reading vLLM's model list", () => {
  const models = (...data: unknown[]) =>
    fakeServer({ 'GET http://vllm:8000/v1/models': { body: { data } } });
  const discover = (modelId: string, fetch: typeof globalThis.fetch) =>
    discoverContextWindow({ baseUrl: 'http://vllm:8000/v1', modelId, fetch });

  it('takes the window of the model asked for, among several', async () => {
    const { fetch } = models(
      { id: 'draft', max_model_len: 2_048 },
      { id: 'qwen2.5', max_model_len: 32_768 },
    );
    expect(await discover('qwen2.5', fetch)).toEqual({
      tokens: 32_768,
      source: 'vllm /v1/models',
      server: 'vllm',
    });
  });

  it('takes the only model served, whatever its name', async () => {
    const { fetch } = models({ id: '/models/Qwen2.5-7B', max_model_len: 16_384 });
    expect(await discover('qwen2.5', fetch)).toMatchObject({ tokens: 16_384 });
  });

  it('finds nothing when several are served but not the one asked for, or it has no length', async () => {
    const several = models(
      { id: 'draft', max_model_len: 2_048 },
      { id: 'llama3.1', max_model_len: 8_192 },
    );
    expect(await discover('qwen2.5', several.fetch)).toBeUndefined();
    const unsized = models({ id: 'qwen2.5' }, { id: 'draft', max_model_len: 2_048 });
    expect(await discover('qwen2.5', unsized.fetch)).toBeUndefined();
  });
});

describe("discoverContextWindow, reading Ollama's /api/show", () => {
  const show = (body: unknown) =>
    discoverContextWindow({
      baseUrl: 'http://127.0.0.1:11434/v1',
      modelId: 'llama3.1',
      fetch: fakeServer({ 'POST http://127.0.0.1:11434/api/show': { body } }).fetch,
    });

  it('reads num_ctx from the parameters, padded as Ollama pads them', async () => {
    expect(
      await show({ parameters: 'num_ctx                        8192   \nstop "<|eot_id|>"' }),
    ).toEqual({
      tokens: 8_192,
      source: 'ollama /api/show',
      server: 'ollama',
    });
  });

  it("assumes Ollama's default for a model described without num_ctx", async () => {
    expect(await show({ model_info: { 'llama.context_length': 131_072 } })).toEqual({
      tokens: 4_096,
      source: 'ollama default',
      server: 'ollama',
    });
    expect(await show({ parameters: 'stop "<|eot_id|>"' })).toMatchObject({
      source: 'ollama default',
    });
  });

  it('does not take another JSON answer for a model description', async () => {
    expect(await show({ status: 'ok' })).toBeUndefined();
  });
});

describe('resolveContextWindow', () => {
  it('prefers model.contextTokens, then the server, then an assumed 128K', async () => {
    const { baseUrl, resolved } = await simOverHttp({ context: 2_048, server: 'llama-cpp' });
    expect(await resolveContextWindow({ contextTokens: 8_192, model: resolved, baseUrl })).toEqual({
      tokens: 8_192,
      source: 'config',
    });
    expect(
      await resolveContextWindow({ contextTokens: undefined, model: resolved, baseUrl }),
    ).toMatchObject({ tokens: 2_048, source: 'llama.cpp /props' });
    const openai = resolveModel({ spec: 'openai:gpt-4o-mini', apiKey: 'sk-test' });
    expect(
      await resolveContextWindow({ contextTokens: undefined, model: openai, baseUrl: undefined }),
    ).toEqual({ tokens: 128_000, source: 'assumed' });
  });

  it('does not ask the in-process simulated model, which has no server', async () => {
    let asked = false;
    const window = await resolveContextWindow({
      contextTokens: undefined,
      model: resolveModel({ spec: 'sim:context=2048' }),
      baseUrl: 'http://127.0.0.1:9/v1',
      discover: async () => {
        asked = true;
        return undefined;
      },
    });
    expect(asked).toBe(false);
    expect(window.source).toBe('assumed');
  });

  it("asks the model's own server, with the key, and assumes 128K when it tells nothing", async () => {
    const asked: unknown[] = [];
    const window = await resolveContextWindow({
      contextTokens: undefined,
      model: resolveModel({
        spec: 'ollama:llama3.1',
        env: { OLLAMA_HOST: 'http://gpu-box:11434' },
      }),
      baseUrl: 'http://127.0.0.1:8000/v1',
      apiKey: 'sk-local',
      discover: async (request) => {
        asked.push(request);
        return undefined;
      },
    });
    expect(asked).toEqual([
      { baseUrl: 'http://gpu-box:11434/v1', modelId: 'llama3.1', apiKey: 'sk-local' },
    ]);
    expect(window).toEqual({ tokens: 128_000, source: 'assumed' });
  });

  it("takes a gguf: model's window from its file, or from config, as its own server", async () => {
    const gguf = {
      ...resolveModel({ spec: 'sim' }),
      simulated: false,
      local: { contextTokens: async () => 32_768, tokenCounter: async () => estimateCounter },
    };
    const discover = async () => {
      throw new Error('a gguf: model has no server to ask');
    };
    expect(
      await resolveContextWindow({
        contextTokens: undefined,
        model: gguf,
        baseUrl: undefined,
        discover,
      }),
    ).toEqual({ tokens: 32_768, source: 'gguf file', server: 'gguf' });
    expect(
      await resolveContextWindow({
        contextTokens: 8_192,
        model: gguf,
        baseUrl: undefined,
        discover,
      }),
    ).toEqual({ tokens: 8_192, source: 'config', server: 'gguf' });
  });
});
