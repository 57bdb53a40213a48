import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimServer, startSimServer } from '../../src/sim/start-sim-server.js';

let server: SimServer;
beforeAll(async () => {
  server = await startSimServer({ port: 0, options: { noise: 0 } });
});
afterAll(() => server.close());

function post(body: unknown, path = '/chat/completions') {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** The parts of OpenAI response bodies these tests read. */
interface CompletionBody {
  choices: { finish_reason: string }[];
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}
interface ErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

const chat = { model: 'sim', messages: [{ role: 'user', content: 'Write 40 words on kelp.' }] };

/** The JSON payloads of a server-sent event stream, `[DONE]` as a string. */
async function events(response: Response): Promise<unknown[]> {
  const text = await response.text();
  return text
    .split('\n\n')
    .filter((block) => block.startsWith('data: '))
    .map((block) => block.slice('data: '.length))
    .map((data) => (data === '[DONE]' ? data : JSON.parse(data)));
}

describe('the sim server over raw HTTP', () => {
  it('answers a non-streamed completion in the OpenAI shape', async () => {
    const response = await post({ ...chat, model: 'my-alias', temperature: 0.7 });
    expect(response.status).toBe(200);
    const body = (await response.json()) as CompletionBody;
    expect(body).toMatchObject({
      object: 'chat.completion',
      model: 'my-alias',
      choices: [{ index: 0, message: { role: 'assistant' }, finish_reason: 'stop' }],
      usage: {
        prompt_tokens: expect.any(Number),
        completion_tokens: expect.any(Number),
        prompt_tokens_details: { cached_tokens: 0 },
      },
    });
    expect(body.usage.total_tokens).toBe(body.usage.prompt_tokens + body.usage.completion_tokens);
  });

  it('streams chunks, a finish chunk, a usage chunk when asked, then [DONE]', async () => {
    const withUsage = await events(
      await post({ ...chat, stream: true, stream_options: { include_usage: true } }),
    );
    expect(withUsage.at(-1)).toBe('[DONE]');
    const usage = withUsage.at(-2) as { choices: unknown[]; usage: { completion_tokens: number } };
    expect(usage.choices).toEqual([]);
    expect(usage.usage.completion_tokens).toBeGreaterThan(0);
    expect(withUsage.at(-3)).toMatchObject({ choices: [{ finish_reason: 'stop' }] });

    const withoutUsage = await events(await post({ ...chat, stream: true }));
    expect(
      withoutUsage.some((event) => typeof event === 'object' && event !== null && 'usage' in event),
    ).toBe(false);
    expect(withoutUsage.length).toBe(withUsage.length - 1);
  });

  it('honours max_completion_tokens over max_tokens', async () => {
    const body = (await (
      await post({ ...chat, max_tokens: 500, max_completion_tokens: 10 })
    ).json()) as CompletionBody;
    expect(body.choices[0]?.finish_reason).toBe('length');
    expect(body.usage.completion_tokens).toBeLessThanOrEqual(10);
  });

  it('lists its model', async () => {
    const list = await (await fetch(`${server.url}/models`)).json();
    expect(list).toEqual({
      object: 'list',
      data: [{ id: 'sim', object: 'model', created: 0, owned_by: 'quire' }],
    });
    expect((await fetch(`${server.url}/models/sim`)).status).toBe(200);
    expect((await fetch(`${server.url}/models/gpt-9`)).status).toBe(404);
  });

  it.each<[string, unknown, string | null, RegExp]>([
    ['a body that is not JSON', '{"model": "sim", ', null, /not valid JSON/],
    [
      'a missing model',
      { messages: chat.messages },
      'model',
      /Missing required parameter: 'model'/,
    ],
    ['missing messages', { model: 'sim' }, 'messages', /Missing required parameter: 'messages'/],
    ['no messages', { model: 'sim', messages: [] }, 'messages', /Invalid value for 'messages'/],
    [
      'an unknown role',
      { model: 'sim', messages: [{ role: 'robot', content: 'hi' }] },
      'messages[0].role',
      /Invalid value for 'messages\[0\]\.role'/,
    ],
    ['a temperature above 2', { ...chat, temperature: 3 }, 'temperature', /temperature/],
    [
      'a tool choice naming no tool',
      {
        ...chat,
        tools: [{ type: 'function', function: { name: 'a' } }],
        tool_choice: { type: 'function', function: { name: 'b' } },
      },
      'tool_choice',
      /not among 'tools'/,
    ],
    ['n above 1', { ...chat, n: 2 }, 'n', /Invalid value for 'n'/],
  ])('refuses %s with an OpenAI-shaped 400', async (_case, body, param, message) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    const error = await response.json();
    expect(error).toEqual({
      error: {
        message: expect.stringMatching(message),
        type: 'invalid_request_error',
        param,
        code: expect.anything(),
      },
    });
  });

  it('answers unknown routes with 404 and wrong methods with 405', async () => {
    const unknown = await post(chat, '/completions');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as ErrorBody).error).toMatchObject({
      type: 'invalid_request_error',
      code: 'unknown_url',
    });
    const wrongMethod = await fetch(`${server.url}/chat/completions`);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    expect(((await wrongMethod.json()) as ErrorBody).error.message).toMatch(
      /Method GET is not allowed/,
    );
  });
});

describe('the sim server under load and shutdown', () => {
  it('queues requests beyond its slots and serves them in order', async () => {
    const slow = await startSimServer({ port: 0, options: { slots: 1, ttft: '40ms' } });
    try {
      const finished: number[] = [];
      const started = Date.now();
      await Promise.all(
        [0, 1, 2].map(async (index) => {
          await new Promise((resolve) => setTimeout(resolve, index * 5));
          const response = await fetch(`${slow.url}/chat/completions`, {
            method: 'POST',
            body: JSON.stringify({
              ...chat,
              messages: [{ role: 'user', content: `Write 5 words, number ${index}.` }],
            }),
          });
          await response.json();
          finished.push(index);
        }),
      );
      expect(finished).toEqual([0, 1, 2]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(115);
    } finally {
      await slow.close();
    }
  });

  it('ends hanging requests when it closes', async () => {
    const hanging = await startSimServer({ port: 0, options: { hang: 1 } });
    const request = fetch(`${hanging.url}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify(chat),
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await hanging.close();
    await expect(request).rejects.toThrow();
  });

  it('says clearly when its port is taken', async () => {
    await expect(startSimServer({ port: server.port })).rejects.toMatchObject({
      code: 'sim-server',
      problem: 'addressInUse',
      message: expect.stringMatching(/cannot listen on 127\.0\.0\.1:\d+ \(EADDRINUSE\).*--port 0/),
    });
  });
});
