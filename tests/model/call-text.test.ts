import { afterEach, describe, expect, it, vi } from 'vitest';
import { ModelCallError } from '../../src/errors/model-call-error.js';
import { callText } from '../../src/model/call-text.js';
import { UsageMeter } from '../../src/model/usage-meter.js';
import { httpError } from '../helpers/api-errors.js';
import { createFakeClock } from '../helpers/fake-clock.js';
import { scriptedModel } from '../helpers/mock-model.js';

/** No backoff: a retry follows at once, and only a Retry-After waits (on the injected clock). */
const fastRetry = {
  maxAttempts: 4,
  initialDelayMs: 0,
  maxDelayMs: 0,
  maxRetryAfterMs: 10_000,
};

/** A backoff that p-retry sleeps on its own timer: tests run it on vitest's fake timers. */
const backoffRetry = { ...fastRetry, initialDelayMs: 200, maxDelayMs: 1_000 };

/** Runs `call` on fake timers and answers how many model calls had started after each wait. */
async function callsAfter(
  model: { doStreamCalls: unknown[] },
  call: Promise<unknown>,
  waitsMs: number[],
): Promise<number[]> {
  const seen: number[] = [];
  for (const waitMs of waitsMs) {
    await vi.advanceTimersByTimeAsync(waitMs);
    seen.push(model.doStreamCalls.length);
  }
  await call;
  return seen;
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('callText', () => {
  it('returns the streamed text, finish reason and usage', async () => {
    const model = scriptedModel([
      { text: 'Hello there.', inputTokens: 12, outputTokens: 3, cachedInputTokens: 8 },
    ]);
    const result = await callText({ model, prompt: 'Say hello' });
    expect(result).toMatchObject({
      text: 'Hello there.',
      finishReason: 'stop',
      attempts: 1,
      usage: { inputTokens: 12, outputTokens: 3, cachedInputTokens: 8 },
    });
    expect(model.doStreamCalls).toHaveLength(1);
    expect(model.doStreamCalls[0]?.prompt).toContainEqual({
      role: 'user',
      content: [{ type: 'text', text: 'Say hello' }],
    });
  });

  it('sends the sampling settings to the provider, the seed included', async () => {
    const model = scriptedModel([{ text: 'Another sample.' }]);
    await callText({ model, prompt: 'Say it again', temperature: 0.7, seed: 3 });
    expect(model.doStreamCalls[0]).toMatchObject({ temperature: 0.7, seed: 3 });
  });

  it('retries a 429 after the Retry-After delay, without waiting for real', async () => {
    const clock = createFakeClock();
    const model = scriptedModel([httpError(429, { 'retry-after': '1' }), { text: 'ok' }]);
    const result = await callText({ model, prompt: 'x', clock, retry: fastRetry });
    expect(result.text).toBe('ok');
    expect(result.attempts).toBe(2);
    expect(clock.sleeps).toEqual([1_000]);
    expect(model.doStreamCalls).toHaveLength(2);
  });

  it('waits only the part of a Retry-After that the backoff does not already cover', async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const clock = createFakeClock();
    const events: number[] = [];
    const model = scriptedModel([httpError(429, { 'retry-after': '1' }), { text: 'ok' }]);
    const call = callText({
      model,
      prompt: 'x',
      clock,
      retry: backoffRetry,
      onRetry: (event) => events.push(event.delayMs),
    });
    // p-retry's backoff before the first retry is at least 100 ms; the clock sleeps the rest.
    expect(await callsAfter(model, call, [99, 1])).toEqual([1, 2]);
    expect(clock.sleeps).toEqual([900]);
    expect(events).toEqual([1_000]);
  });

  it('backs off exponentially when no Retry-After is given', async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const events: number[] = [];
    const model = scriptedModel([httpError(500), httpError(503), httpError(502), { text: 'ok' }]);
    const call = callText({
      model,
      prompt: 'x',
      retry: backoffRetry,
      onRetry: (event) => events.push(event.delayMs),
    });
    // Waits of 100, 200 and 400 ms: one millisecond short of each, the next call has not started.
    expect(await callsAfter(model, call, [99, 1, 199, 1, 399, 1])).toEqual([1, 2, 2, 3, 3, 4]);
    expect(events).toEqual([100, 200, 400]);
  });

  it('draws each backoff at random, so clients failing together do not retry together', async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const model = scriptedModel([httpError(500), { text: 'ok' }]);
    const call = callText({ model, prompt: 'x', retry: backoffRetry });
    // A draw of 0.5 makes the first wait 150 ms, not the 100 ms a draw of 0 would give.
    expect(await callsAfter(model, call, [149, 1])).toEqual([1, 2]);
  });

  it('never takes a reply that ended with finish reason "other" (a cut stream) as complete', async () => {
    const clock = createFakeClock();
    const model = scriptedModel([
      { text: 'Half a sen', finishReason: 'other' },
      { text: 'A whole sentence.' },
    ]);
    const result = await callText({ model, prompt: 'x', clock, retry: fastRetry });
    expect(result).toMatchObject({ text: 'A whole sentence.', finishReason: 'stop', attempts: 2 });
  });

  it('does not retry a 400', async () => {
    const clock = createFakeClock();
    const model = scriptedModel([httpError(400), { text: 'never' }]);
    const error = await callText({ model, prompt: 'x', clock, retry: fastRetry }).catch((e) => e);
    expect(error).toBeInstanceOf(ModelCallError);
    expect(error).toMatchObject({ reason: 'errorNotRetryable', statusCode: 400, attempts: 1 });
    expect(model.doStreamCalls).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('fails fast on a 401 with a message naming the key to fix', async () => {
    const model = scriptedModel([httpError(401)]);
    const error = await callText({ model, prompt: 'x', retry: fastRetry }).catch((e) => e);
    expect(error).toMatchObject({ reason: 'authentication', category: 'input' });
    expect(error.message).toContain('OPENAI_API_KEY');
    expect(model.doStreamCalls).toHaveLength(1);
  });

  it('stops retrying at once when aborted during the backoff', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const model = scriptedModel([httpError(500), { text: 'never' }]);
    const call = callText({
      model,
      prompt: 'x',
      retry: backoffRetry,
      abortSignal: controller.signal,
    }).catch((e) => e);
    await vi.advanceTimersByTimeAsync(10);
    controller.abort(new Error('user pressed Ctrl-C'));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await call).toMatchObject({ reason: 'abort', category: 'interrupted' });
    expect(model.doStreamCalls).toHaveLength(1);
  });

  it('stops retrying at once when aborted while waiting for a Retry-After', async () => {
    const controller = new AbortController();
    const clock = createFakeClock();
    const abortingClock = {
      ...clock,
      sleep: async (ms: number, signal?: AbortSignal) => {
        controller.abort(new Error('user pressed Ctrl-C'));
        return clock.sleep(ms, signal);
      },
    };
    const model = scriptedModel([httpError(429, { 'retry-after': '1' }), { text: 'never' }]);
    const error = await callText({
      model,
      prompt: 'x',
      clock: abortingClock,
      retry: fastRetry,
      abortSignal: controller.signal,
    }).catch((e) => e);
    expect(error).toMatchObject({ reason: 'abort', category: 'interrupted' });
    expect(model.doStreamCalls).toHaveLength(1);
  });

  it('does not call the model when already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const model = scriptedModel([{ text: 'never' }]);
    const error = await callText({ model, prompt: 'x', abortSignal: controller.signal }).catch(
      (e) => e,
    );
    expect(error).toMatchObject({ reason: 'abort' });
    expect(model.doStreamCalls).toHaveLength(0);
  });

  it.each([
    ['a stream cut mid-way', { text: 'half a sent', streamError: new Error('socket hang up') }],
    ["finishReason 'error'", { text: 'half', finishReason: 'error' as const }],
    ['an empty reply', { text: '' }],
  ])('retries %s and counts the failed attempt and its tokens', async (_name, bad) => {
    const meter = new UsageMeter();
    const model = scriptedModel([bad, { text: 'complete', outputTokens: 7 }]);
    const result = await callText({
      model,
      prompt: 'x',
      meter,
      clock: createFakeClock(),
      retry: fastRetry,
    });
    expect(result.text).toBe('complete');
    // A reply that finished but was unusable still cost its tokens; a cut stream reports none.
    const wasted = 'streamError' in bad ? 0 : 5;
    expect(meter.totals()).toMatchObject({ calls: 1, failedAttempts: 1, outputTokens: 7 + wasted });
  });

  it("returns finishReason 'length' to the caller instead of retrying", async () => {
    const model = scriptedModel([{ text: 'cut off here', finishReason: 'length' }]);
    const result = await callText({ model, prompt: 'x' });
    expect(result.finishReason).toBe('length');
    expect(model.doStreamCalls).toHaveLength(1);
  });

  it('gives up after maxAttempts with the last failure in the message', async () => {
    const clock = createFakeClock();
    const model = scriptedModel([httpError(503)]);
    const error = await callText({ model, prompt: 'x', clock, retry: fastRetry }).catch((e) => e);
    expect(error).toMatchObject({ reason: 'maxRetriesExceeded', attempts: 4, statusCode: 503 });
    expect(error.message).toContain('mock-model failed 4 time(s)');
    expect(error.message).toContain('try again later');
    expect(model.doStreamCalls).toHaveLength(4);
  });

  it('refuses to wait for a Retry-After beyond the configured ceiling', async () => {
    const clock = createFakeClock();
    const model = scriptedModel([httpError(429, { 'retry-after': '3600' })]);
    const error = await callText({ model, prompt: 'x', clock, retry: fastRetry }).catch((e) => e);
    expect(error.message).toContain('asked to wait 3600 s');
    expect(clock.sleeps).toEqual([]);
  });

  it("counts a cut attempt's tokens in the call's usage, as the meter does", async () => {
    const meter = new UsageMeter();
    const model = scriptedModel([
      { text: 'Half a sen', finishReason: 'other', inputTokens: 100, outputTokens: 4 },
      { text: 'A whole sentence.', inputTokens: 100, outputTokens: 5 },
    ]);
    const result = await callText({ model, prompt: 'x', meter, retry: fastRetry });
    expect(result.usage).toMatchObject({ inputTokens: 200, outputTokens: 9 });
    expect(meter.totals()).toMatchObject({ inputTokens: 200, outputTokens: 9, failedAttempts: 1 });
  });

  it('sums usage over calls on one meter', async () => {
    const meter = new UsageMeter();
    const model = scriptedModel([
      { text: 'a', inputTokens: 100, outputTokens: 10, cachedInputTokens: 50 },
      { text: 'b', inputTokens: 200, outputTokens: 20, cachedInputTokens: 0 },
    ]);
    await callText({ model, prompt: 'one', meter });
    await callText({ model, prompt: 'two', meter });
    expect(meter.totals()).toMatchObject({
      calls: 2,
      inputTokens: 300,
      outputTokens: 30,
      cachedInputTokens: 50,
      failedAttempts: 0,
    });
  });

  it('times out a reply that stops arriving and retries it', async () => {
    let calls = 0;
    const { MockLanguageModelV3 } = await import('ai/test');
    const { streamReply } = await import('../helpers/mock-model.js');
    const model = new MockLanguageModelV3({
      doStream: async ({ abortSignal }) => {
        calls++;
        if (calls === 1) {
          return {
            stream: new ReadableStream({
              start(controller) {
                abortSignal?.addEventListener('abort', () => controller.error(abortSignal.reason));
              },
            }),
          };
        }
        return streamReply({ text: 'late but fine' });
      },
    });
    const result = await callText({
      model,
      prompt: 'x',
      retry: { ...fastRetry, initialDelayMs: 0 },
      timeouts: { idleTimeoutMs: 50, requestTimeoutMs: 5_000 },
    });
    expect(result.text).toBe('late but fine');
    expect(result.attempts).toBe(2);
  });
});
