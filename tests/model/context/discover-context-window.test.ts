import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { discoverContextWindow } from '../../../src/model/context/discover-context-window.js';
import { resolveContextWindow } from '../../../src/model/context/resolve-context-window.js';
import { resolveModel } from '../../../src/model/resolve-model.js';
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
});
