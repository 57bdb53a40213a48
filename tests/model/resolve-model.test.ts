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
});
