import { describe, expect, it } from 'vitest';
import { MissingApiKeyError } from '../../src/errors/missing-api-key-error.js';
import { resolveModel } from '../../src/model/resolve-model.js';

describe('resolveModel', () => {
  it("uses OpenAI's own client without a base URL, and needs a key for it", () => {
    const resolved = resolveModel({ spec: 'openai:gpt-4o-mini', apiKey: 'sk-test' });
    expect(resolved.model).toMatchObject({ provider: 'openai.chat', modelId: 'gpt-4o-mini' });
    expect(() => resolveModel({ spec: 'openai:gpt-4o-mini' })).toThrow(MissingApiKeyError);
  });

  it('uses the OpenAI-compatible client, which reads reasoning_content, for a base URL', () => {
    const resolved = resolveModel({ spec: 'openai:qwen3:32b', baseUrl: 'http://127.0.0.1:1/v1' });
    expect(resolved.model).toMatchObject({
      provider: 'openai-compatible.chat',
      modelId: 'qwen3:32b',
    });
    expect(resolved).toMatchObject({ modelId: 'qwen3:32b', simulated: false });
  });

  it('says whether the simulated model was told to think', () => {
    expect(resolveModel({ spec: 'sim' }).reasons).toBe(false);
    expect(resolveModel({ spec: 'sim:think=tags' }).reasons).toBe(true);
  });

  it('resolves anthropic: and google: through their official providers, keys from their variables', () => {
    const env = { ANTHROPIC_API_KEY: 'a-key', GOOGLE_GENERATIVE_AI_API_KEY: 'g-key' };
    expect(resolveModel({ spec: 'anthropic:claude-sonnet-4-5', env }).model).toMatchObject({
      provider: 'anthropic.messages',
      modelId: 'claude-sonnet-4-5',
    });
    expect(resolveModel({ spec: 'google:gemini-2.5-flash', env }).model).toMatchObject({
      provider: 'google.generative-ai',
      modelId: 'gemini-2.5-flash',
    });
  });

  it("names the missing variable, and never takes OpenAI's key for another provider", () => {
    const attempt = () =>
      resolveModel({ spec: 'anthropic:claude-haiku-4-5', apiKey: 'sk-openai', env: {} });
    expect(attempt).toThrow(MissingApiKeyError);
    expect(attempt).toThrow(/set ANTHROPIC_API_KEY/);
    expect(() =>
      resolveModel({ spec: 'google:gemini-2.5-pro', env: { GOOGLE_GENERATIVE_AI_API_KEY: ' ' } }),
    ).toThrow(/GOOGLE_GENERATIVE_AI_API_KEY/);
  });

  it('sends ollama: to the OpenAI-compatible endpoint at OLLAMA_HOST, with no key', () => {
    const resolved = resolveModel({
      spec: 'ollama:llama3.1:8b',
      env: { OLLAMA_HOST: '10.0.0.5:11434' },
    });
    expect(resolved).toMatchObject({ modelId: 'llama3.1:8b', baseUrl: 'http://10.0.0.5:11434/v1' });
    expect(resolved.model).toMatchObject({ provider: 'ollama.chat', modelId: 'llama3.1:8b' });
    expect(resolveModel({ spec: 'ollama:qwen3', env: {} }).baseUrl).toBe(
      'http://127.0.0.1:11434/v1',
    );
  });
});
