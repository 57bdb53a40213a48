import { createOpenAI } from '@ai-sdk/openai';
import { APICallError } from '@ai-sdk/provider';
import { generateText } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimOptionError } from '../../src/errors/sim-option-error.js';
import { type SimServer, startSimServer } from '../../src/sim/start-sim-server.js';

let server: SimServer;
beforeAll(async () => {
  server = await startSimServer({ port: 0, apiKey: 'sk-sim-secret', options: { noise: 0 } });
});
afterAll(() => server.close());

const chat = { model: 'sim', messages: [{ role: 'user', content: 'Write 20 words on kelp.' }] };

function post(headers: Record<string, string>) {
  return fetch(`${server.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(chat),
  });
}

describe('the sim server started with an API key', () => {
  it('answers requests that carry the key', async () => {
    const response = await post({ authorization: 'Bearer sk-sim-secret' });
    expect(response.status).toBe(200);
    const models = await fetch(`${server.url}/models`, {
      headers: { authorization: 'Bearer sk-sim-secret' },
    });
    expect(models.status).toBe(200);
  });

  it('answers 401 in the OpenAI shape without the key, on every route', async () => {
    for (const response of [
      await post({}),
      await post({ authorization: 'Bearer sk-other' }),
      await fetch(`${server.url}/models`),
    ]) {
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'invalid_api_key',
      );
    }
  });

  it('is a non-retryable 401 for the OpenAI client, as a real wrong key is', async () => {
    const model = createOpenAI({ baseURL: server.url, apiKey: 'sk-other' }).chat('sim');
    const error = await generateText({ model, prompt: 'Write 20 words.', maxRetries: 0 }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).statusCode).toBe(401);
    expect((error as APICallError).isRetryable).toBe(false);
  });

  it('refuses an empty key rather than accepting everyone', async () => {
    await expect(startSimServer({ port: 0, apiKey: ' ' })).rejects.toBeInstanceOf(SimOptionError);
  });
});
