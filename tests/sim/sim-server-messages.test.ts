import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { APICallError } from '@ai-sdk/provider';
import { generateText, Output, streamText } from 'ai';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { SimOptionsInput } from '../../src/sim/sim-options.js';
import { type SimServer, startSimServer } from '../../src/sim/start-sim-server.js';
import { countWords } from './helpers/count-words.js';

const servers: SimServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

/** The sim server on a free port, and Anthropic's own client pointed at it. */
async function serve(options: SimOptionsInput = {}, apiKey?: string) {
  const server = await startSimServer({ port: 0, options: { noise: 0, ...options }, apiKey });
  servers.push(server);
  const anthropic = createAnthropic({ baseURL: server.url, apiKey: apiKey ?? 'sk-ant-test' });
  return { server, anthropic, model: anthropic('claude-sonnet-4-5') };
}

async function failure(action: () => Promise<unknown>): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

/** The raw events of a streamed Messages reply, as `{ event, data }` pairs. */
async function rawEvents(url: string, body: object) {
  const response = await fetch(`${url}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': 'k' },
    body: JSON.stringify({ ...body, stream: true }),
  });
  const text = await response.text();
  return text
    .trim()
    .split('\n\n')
    .map((block) => {
      const [event, data] = block.split('\n');
      return {
        event: event?.replace('event: ', ''),
        data: JSON.parse(data?.replace('data: ', '') ?? '{}'),
      };
    });
}

const prompt = 'Write about 200 words on tide pools.';

describe("the sim server's Anthropic Messages endpoint", () => {
  it('answers generateText through the Anthropic client with the chat endpoint’s reply and usage', async () => {
    const { server, model } = await serve();
    const result = await generateText({ model, prompt, maxRetries: 0 });
    const openai = createOpenAI({ baseURL: server.url, apiKey: 'x' }).chat('sim');
    const same = await generateText({ model: openai, prompt, maxRetries: 0 });
    expect(countWords(result.text)).toBe(200);
    expect(result.text).toBe(same.text);
    expect(result.finishReason).toBe('stop');
    expect(result.usage.inputTokens).toBe(same.usage.inputTokens);
    expect(result.usage.outputTokens).toBe(same.usage.outputTokens);
  });

  it('streams through the Anthropic client, with usage and the stop reason', async () => {
    const { model } = await serve();
    const result = streamText({ model, prompt: 'Write about 120 words on kelp.', maxRetries: 0 });
    let deltas = 0;
    for await (const part of result.fullStream) if (part.type === 'text-delta') deltas++;
    expect(deltas).toBeGreaterThan(100);
    expect(countWords(await result.text)).toBe(120);
    expect((await result.usage).outputTokens).toBeGreaterThan(100);
    expect((await result.usage).inputTokens).toBeGreaterThan(5);
    expect(await result.finishReason).toBe('stop');
  });

  it('sends the events in the order Anthropic documents', async () => {
    const { server } = await serve();
    const events = await rawEvents(server.url, {
      model: 'claude-sonnet-4-5',
      max_tokens: 400,
      messages: [{ role: 'user', content: 'Write about 30 words on gulls.' }],
    });
    const names = events.map((each) => each.event);
    expect(names.slice(0, 4)).toEqual([
      'message_start',
      'ping',
      'content_block_start',
      'content_block_delta',
    ]);
    expect(names.slice(-3)).toEqual(['content_block_stop', 'message_delta', 'message_stop']);
    expect(events.every((each) => each.event === each.data.type)).toBe(true);
    expect(events[0]?.data.message).toMatchObject({ role: 'assistant', content: [] });
    expect(events[2]?.data.content_block).toEqual({ type: 'text', text: '' });
    expect(events[3]?.data.delta.type).toBe('text_delta');
    expect(events.at(-2)?.data).toMatchObject({
      delta: { stop_reason: 'end_turn' },
      usage: { output_tokens: expect.any(Number) },
    });
  });

  it('stops at max_tokens with stop_reason max_tokens', async () => {
    const { model } = await serve();
    const result = await generateText({
      model,
      prompt: 'Write about 500 words on reefs.',
      maxOutputTokens: 40,
      maxRetries: 0,
    });
    expect(result.finishReason).toBe('length');
    expect(result.usage.outputTokens).toBe(40);
  });

  it('returns schema-valid JSON both through output_config and through the json tool', async () => {
    const { anthropic } = await serve();
    const schema = z.object({ title: z.string(), sections: z.array(z.string()) });
    // claude-sonnet-4-5 takes output_config.format; claude-3-haiku gets the forced json tool.
    for (const id of ['claude-sonnet-4-5', 'claude-3-haiku-20240307']) {
      const result = await generateText({
        model: anthropic(id),
        prompt: 'Plan a guide to tide pools.',
        output: Output.object({ schema }),
        maxRetries: 0,
      });
      expect(schema.safeParse(result.output).success).toBe(true);
    }
  });

  it('sends separate thinking as a thinking block the client reads as reasoning', async () => {
    const { model } = await serve({ think: 'reasoning_content' });
    const result = await generateText({ model, prompt, maxRetries: 0 });
    expect(result.reasoningText?.length ?? 0).toBeGreaterThan(20);
    expect(result.text).not.toContain(result.reasoningText ?? '');
  });

  it('refuses a body without max_tokens with a 400 in Anthropic’s error shape', async () => {
    const { server } = await serve();
    const response = await fetch(`${server.url}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'claude', messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      type: 'error',
      error: { type: 'invalid_request_error', message: expect.stringContaining('max_tokens') },
    });
  });

  it('rejects an injected rate limit as Anthropic does: 429 rate_limit_error with retry-after', async () => {
    const { model } = await serve({ faults: ['rate-limit'], errors: 1, retryAfter: '3s' });
    const error = await failure(() => generateText({ model, prompt, maxRetries: 0 }));
    expect(APICallError.isInstance(error)).toBe(true);
    const call = error as APICallError;
    expect(call.statusCode).toBe(429);
    expect(call.isRetryable).toBe(true);
    expect(call.responseHeaders?.['retry-after']).toBe('3');
    expect(JSON.parse(call.responseBody ?? '{}').error.type).toBe('rate_limit_error');
  });

  it('checks the x-api-key header against the server’s key', async () => {
    const { server, model } = await serve({}, 'sk-ant-right');
    expect((await generateText({ model, prompt, maxRetries: 0 })).text).not.toBe('');
    const wrong = createAnthropic({ baseURL: server.url, apiKey: 'sk-ant-wrong' });
    const error = (await failure(() =>
      generateText({ model: wrong('claude-sonnet-4-5'), prompt, maxRetries: 0 }),
    )) as APICallError;
    expect(error.statusCode).toBe(401);
    expect(JSON.parse(error.responseBody ?? '{}').error.type).toBe('authentication_error');
  });
});
