import { createOpenAI } from '@ai-sdk/openai';
import { APICallError } from '@ai-sdk/provider';
import {
  generateText,
  type ModelMessage,
  NoObjectGeneratedError,
  Output,
  streamText,
  tool,
} from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createSimModel } from '../../src/sim/create-sim-model.js';
import type { SimOptionsInput } from '../../src/sim/sim-options.js';
import { type SimServer, startSimServer } from '../../src/sim/start-sim-server.js';
import { countWords } from './helpers/count-words.js';

const prompt = 'Write about 250 words on the night sky over the Sahara.';
const servers: SimServer[] = [];

async function serve(options: SimOptionsInput = {}) {
  const server = await startSimServer({ port: 0, options });
  servers.push(server);
  return { server, model: createOpenAI({ baseURL: server.url, apiKey: 'x' }).chat('sim') };
}

async function failure(action: () => Promise<unknown>): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

describe('the sim server through the OpenAI client', () => {
  let model: ReturnType<ReturnType<typeof createOpenAI>['chat']>;
  let server: SimServer;
  beforeAll(async () => {
    ({ server, model } = await serve({ noise: 0 }));
  });

  it('listens on loopback at the port it picked', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    expect(server.port).toBeGreaterThan(0);
  });

  it('answers generateText', async () => {
    const result = await generateText({ model, prompt, maxRetries: 0 });
    expect(countWords(result.text)).toBe(250);
    expect(result.finishReason).toBe('stop');
    expect(result.usage.outputTokens).toBeGreaterThan(250);
  });

  it('streams with streamText, usage included', async () => {
    const result = streamText({ model, prompt: 'Write about 120 words on dunes.', maxRetries: 0 });
    let deltas = 0;
    for await (const part of result.fullStream) if (part.type === 'text-delta') deltas++;
    expect(deltas).toBeGreaterThan(100);
    expect(countWords(await result.text)).toBe(120);
    expect((await result.usage).outputTokens).toBeGreaterThan(100);
    expect(await result.finishReason).toBe('stop');
  });

  it('returns structured output valid against a zod schema', async () => {
    const schema = z.object({
      title: z.string().min(3).max(60),
      sections: z
        .array(z.object({ heading: z.string(), words: z.number().int().min(100).max(900) }))
        .min(3)
        .max(7),
      tone: z.enum(['plain', 'lyrical']),
    });
    const result = await generateText({
      model,
      prompt: 'Plan an essay on desert astronomy.',
      output: Output.object({ schema }),
      maxRetries: 0,
    });
    expect(schema.safeParse(result.output).success).toBe(true);
  });

  it('makes a tool call valid against the tool schema', async () => {
    const readFilesInput = z.object({ paths: z.array(z.string()).min(1).max(4) });
    const tools = { read_files: tool({ description: 'read files', inputSchema: readFilesInput }) };
    const result = await generateText({
      model,
      prompt: 'Look at the project.',
      tools,
      toolChoice: 'required',
      maxRetries: 0,
    });
    expect(result.finishReason).toBe('tool-calls');
    expect(result.toolCalls[0]?.toolName).toBe('read_files');
    expect(readFilesInput.safeParse(result.toolCalls[0]?.input).success).toBe(true);
    const streamed = streamText({
      model,
      prompt: 'Look at the project.',
      tools,
      toolChoice: 'required',
      maxRetries: 0,
    });
    expect((await streamed.toolCalls)[0]?.input).toEqual(result.toolCalls[0]?.input);
  });

  it('honours max tokens with finish reason length', async () => {
    const result = await generateText({ model, prompt, maxOutputTokens: 40, maxRetries: 0 });
    expect(result.finishReason).toBe('length');
    expect(result.usage.outputTokens).toBeLessThanOrEqual(40);
  });

  it('reports cached prompt tokens for a repeated prefix', async () => {
    const system = 'Notes on the Sahara. '.repeat(300);
    await generateText({ model, system, prompt: 'Write 30 words on sand.', maxRetries: 0 });
    const second = await generateText({
      model,
      system,
      prompt: 'Write 30 words on wind.',
      maxRetries: 0,
    });
    expect(second.usage.cachedInputTokens).toBeGreaterThanOrEqual(1536);
  });

  it('reads a conversation with tool calls and results alike over HTTP and in-process', async () => {
    const options = { seed: 4 };
    const { model: remote } = await serve(options);
    const messages: ModelMessage[] = [
      { role: 'user', content: 'Build a to-do list in TypeScript.' },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Let me look first.' },
          { type: 'tool-call', toolCallId: 'call_1', toolName: 'list_files', input: { dir: '.' } },
          {
            type: 'tool-call',
            toolCallId: 'call_2',
            toolName: 'read_files',
            input: { paths: ['a.ts'] },
          },
        ],
      },
      {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: 'call_1',
            toolName: 'list_files',
            output: { type: 'json', value: { files: ['a.ts'] } },
          },
          {
            type: 'tool-result',
            toolCallId: 'call_2',
            toolName: 'read_files',
            output: { type: 'text', value: 'export {};' },
          },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Now describe the plan ' },
          { type: 'text', text: 'in about 120 words.' },
        ],
      },
    ];
    const system = 'You build small programs.';
    const overHttp = await generateText({ model: remote, system, messages, maxRetries: 0 });
    const inProcess = await generateText({ model: createSimModel(options), system, messages });
    expect(overHttp.text).toBe(inProcess.text);
    expect(overHttp.usage.inputTokens).toBe(inProcess.usage.inputTokens);
    expect(countWords(overHttp.text)).toBeGreaterThan(100);
  });

  it('gives the same text over HTTP as in-process for the same request', async () => {
    const options = { seed: 11 };
    const { model: remote } = await serve(options);
    for (const words of ['Write 400 words on oases.', '写一篇关于沙漠的短文，约300字']) {
      const overHttp = await generateText({
        model: remote,
        system: 'You are a writer.',
        prompt: words,
        maxRetries: 0,
      });
      const inProcess = await generateText({
        model: createSimModel(options),
        system: 'You are a writer.',
        prompt: words,
      });
      expect(overHttp.text).toBe(inProcess.text);
      expect(overHttp.usage.inputTokens).toBe(inProcess.usage.inputTokens);
      expect(overHttp.usage.outputTokens).toBe(inProcess.usage.outputTokens);
    }
    const schema = z.object({ names: z.array(z.string()).min(2).max(5), count: z.number().int() });
    const overHttp = await generateText({
      model: remote,
      prompt: 'List oases.',
      output: Output.object({ schema }),
      maxRetries: 0,
    });
    const inProcess = await generateText({
      model: createSimModel(options),
      prompt: 'List oases.',
      output: Output.object({ schema }),
    });
    expect(overHttp.output).toEqual(inProcess.output);
  });
});

describe('injected faults as the OpenAI client sees them', () => {
  it('rate-limit: APICallError 429, retryable, with Retry-After', async () => {
    const { model } = await serve({ rateLimit: 1, retryAfter: '2s' });
    const error = (await failure(() =>
      generateText({ model, prompt, maxRetries: 0 }),
    )) as APICallError;
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error.statusCode).toBe(429);
    expect(error.isRetryable).toBe(true);
    expect(error.responseHeaders).toMatchObject({ 'retry-after': '2', 'retry-after-ms': '2000' });
  });

  it('server-error: APICallError 500, retryable', async () => {
    const { model } = await serve({ serverError: 1 });
    const error = (await failure(() =>
      generateText({ model, prompt, maxRetries: 0 }),
    )) as APICallError;
    expect(error.statusCode).toBe(500);
    expect(error.isRetryable).toBe(true);
  });

  it('hang: no reply until the client gives up', async () => {
    const { model } = await serve({ hang: 1 });
    const started = Date.now();
    const error = await failure(() =>
      generateText({ model, prompt, maxRetries: 0, abortSignal: AbortSignal.timeout(200) }),
    );
    expect((error as Error).name).toMatch(/TimeoutError|AbortError/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('cut: text arrives, then the stream fails with a retryable network error', async () => {
    const { model } = await serve({ cut: 1 });
    let deltas = 0;
    const error = await failure(async () => {
      const result = streamText({ model, prompt, maxRetries: 0, onError: () => {} });
      for await (const part of result.fullStream) if (part.type === 'text-delta') deltas++;
    });
    expect(deltas).toBeGreaterThan(0);
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).isRetryable).toBe(true);
    expect(((error as APICallError).cause as Error).message).toBe('terminated');
    const whole = await failure(() => generateText({ model, prompt, maxRetries: 0 }));
    expect((whole as APICallError).isRetryable).toBe(true);
  });

  it('bad-json: the client cannot parse the object', async () => {
    const { model } = await serve({ badJson: 1 });
    const error = await failure(() =>
      generateText({
        model,
        prompt,
        output: Output.object({ schema: z.object({ name: z.string() }) }),
        maxRetries: 0,
      }),
    );
    expect(NoObjectGeneratedError.isInstance(error)).toBe(true);
  });

  it('empty: a reply with no text', async () => {
    const { model } = await serve({ empty: 1 });
    const result = await generateText({ model, prompt, maxRetries: 0 });
    expect(result.text).toBe('');
    expect(result.usage.outputTokens).toBe(0);
  });
});
