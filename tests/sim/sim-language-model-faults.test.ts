import { APICallError } from '@ai-sdk/provider';
import { generateText, NoObjectGeneratedError, Output, streamText } from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createSimModel } from '../../src/sim/create-sim-model.js';
import { createVirtualClock } from './helpers/virtual-clock.js';

const prompt = 'Write about 200 words on harbour seals.';

async function failure(action: () => Promise<unknown>): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('SimLanguageModel faults', () => {
  it('rate-limit: a retryable 429 APICallError with Retry-After', async () => {
    const error = await failure(() =>
      generateText({
        model: createSimModel({ rateLimit: 1, retryAfter: '3s' }),
        prompt,
        maxRetries: 0,
      }),
    );
    expect(APICallError.isInstance(error)).toBe(true);
    const apiError = error as APICallError;
    expect(apiError.statusCode).toBe(429);
    expect(apiError.isRetryable).toBe(true);
    expect(apiError.responseHeaders).toMatchObject({
      'retry-after': '3',
      'retry-after-ms': '3000',
    });
    expect(JSON.parse(apiError.responseBody ?? '{}')).toMatchObject({
      error: { code: 'rate_limit_exceeded' },
    });
  });

  it('server-error: a retryable 500 APICallError, also from a stream', async () => {
    const result = streamText({
      model: createSimModel({ serverError: 1 }),
      prompt,
      maxRetries: 0,
      onError: () => {},
    });
    const errors: unknown[] = [];
    for await (const part of result.fullStream) if (part.type === 'error') errors.push(part.error);
    expect(errors).toHaveLength(1);
    expect((errors[0] as APICallError).statusCode).toBe(500);
    expect((errors[0] as APICallError).isRetryable).toBe(true);
  });

  it('cut: the stream breaks part-way with the error of a dropped connection', async () => {
    const result = streamText({
      model: createSimModel({ cut: 1 }),
      prompt,
      maxRetries: 0,
      onError: () => {},
    });
    let deltas = 0;
    const error = await failure(async () => {
      for await (const part of result.fullStream) if (part.type === 'text-delta') deltas++;
    });
    expect(deltas).toBeGreaterThan(0);
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).isRetryable).toBe(true);
    expect(((error as APICallError).cause as Error).message).toBe('terminated');
    await expect(
      generateText({ model: createSimModel({ cut: 1 }), prompt, maxRetries: 0 }),
    ).rejects.toThrow('Failed to process successful response');
  });

  it('bad-json: malformed JSON where JSON was asked, prose untouched elsewhere', async () => {
    const model = createSimModel({ badJson: 1 });
    const error = await failure(() =>
      generateText({
        model,
        prompt,
        output: Output.object({ schema: z.object({ name: z.string() }) }),
      }),
    );
    expect(NoObjectGeneratedError.isInstance(error)).toBe(true);
    expect((await generateText({ model, prompt })).text.length).toBeGreaterThan(500);
  });

  it('empty: a well-formed reply with no text', async () => {
    const result = await generateText({ model: createSimModel({ empty: 1 }), prompt });
    expect(result.text).toBe('');
    expect(result.finishReason).toBe('stop');
    expect(result.usage.outputTokens).toBe(0);
  });

  it('hang: nothing at all until the caller gives up', async () => {
    const model = createSimModel({ hang: 1 });
    const controller = new AbortController();
    const call = generateText({ model, prompt, maxRetries: 0, abortSignal: controller.signal });
    let settled = false;
    call
      .catch(() => {})
      .finally(() => {
        settled = true;
      });
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    controller.abort(new Error('client timeout'));
    await expect(call).rejects.toThrow('client timeout');
  });

  it('draws the fault again for each attempt of a prompt, so retries can succeed', async () => {
    const model = createSimModel({ errors: 0.5, faults: 'server-error' });
    const outcomes: string[] = [];
    for (let attempt = 0; attempt < 40; attempt++) {
      outcomes.push(
        await generateText({ model, prompt, maxRetries: 0 }).then(
          (result) => result.text,
          () => 'failed',
        ),
      );
    }
    const successes = outcomes.filter((outcome) => outcome !== 'failed');
    expect(successes.length).toBeGreaterThan(8);
    expect(successes.length).toBeLessThan(32);
    expect(new Set(successes).size).toBe(1);
  });
});

describe('SimLanguageModel latency and slots', () => {
  it('sends the first token after ttft and the rest at tps, on the injected clock', async () => {
    const clock = createVirtualClock();
    const model = createSimModel({ ttft: '300ms', tps: 50, clock });
    const start = clock.now();
    const { stream } = await model.doStream({
      prompt: [{ role: 'user', content: [{ type: 'text', text: prompt }] }],
    });
    const deltaTimes: number[] = [];
    let outputTokens = 0;
    for await (const part of stream) {
      if (part.type === 'text-delta') deltaTimes.push(clock.now() - start);
      if (part.type === 'finish') outputTokens = part.usage.outputTokens.total ?? 0;
    }
    expect(deltaTimes[0]).toBe(300);
    // The first delta holds a token or two; every later token is paced at 50 per second.
    const streaming = (deltaTimes.at(-1) ?? 0) - (deltaTimes[0] ?? 0);
    expect(streaming).toBeGreaterThanOrEqual(((outputTokens - 3) / 50) * 1000);
    expect(streaming).toBeLessThanOrEqual((outputTokens / 50) * 1000);
    expect(deltaTimes).toEqual([...deltaTimes].sort((left, right) => left - right));
  });

  it('waits the whole generation time before a non-streamed reply', async () => {
    const clock = createVirtualClock();
    const model = createSimModel({ ttft: '1s', tps: 100, clock });
    const start = clock.now();
    const result = await model.doGenerate({
      prompt: [{ role: 'user', content: [{ type: 'text', text: prompt }] }],
    });
    const tokens = result.usage.outputTokens.total ?? 0;
    expect(clock.now() - start).toBeGreaterThan(1000 + ((tokens - 3) / 100) * 1000);
    expect(clock.now() - start).toBeLessThanOrEqual(1000 + (tokens / 100) * 1000);
  });

  it('adds no waiting at all with the default knobs', async () => {
    const clock = createVirtualClock();
    await generateText({ model: createSimModel({ clock }), prompt });
    expect(clock.sleeps).toEqual([]);
  });

  it('stops waiting and frees its slot as soon as the reader cancels', async () => {
    const model = createSimModel({ ttft: '10s', slots: 1 });
    const options = {
      prompt: [{ role: 'user' as const, content: [{ type: 'text' as const, text: prompt }] }],
    };
    const reader = (await model.doStream(options)).stream.getReader();
    const opening: string[] = [];
    for (
      let part = await reader.read();
      part.value?.type !== 'text-start';
      part = await reader.read()
    ) {
      opening.push(part.value?.type ?? 'done');
    }
    expect(opening).toEqual(['stream-start', 'response-metadata']);
    // The next read waits for the first token, ten seconds away.
    const firstToken = reader.read();
    const started = Date.now();
    await reader.cancel();
    expect(await firstToken).toEqual({ done: true, value: undefined });
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(model.engine.startService({ arrivedAt: 0 })).resolves.toMatchObject({
      startedAt: 0,
    });
  });

  it('queues calls beyond its slots until a stream ends', async () => {
    const model = createSimModel({ slots: 1 });
    const options = {
      prompt: [{ role: 'user' as const, content: [{ type: 'text' as const, text: prompt }] }],
    };
    const first = await model.doStream(options);
    let secondStarted = false;
    const second = model.doStream(options).then((result) => {
      secondStarted = true;
      return result;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(secondStarted).toBe(false);
    await first.stream.cancel();
    const { stream } = await second;
    expect(secondStarted).toBe(true);
    await stream.cancel();
  });
});
