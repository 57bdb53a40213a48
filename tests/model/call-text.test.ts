import { describe, expect, it } from 'vitest';
import { ModelCallError } from '../../src/errors/model-call-error.js';
import { callText } from '../../src/model/call-text.js';
import { UsageMeter } from '../../src/model/usage-meter.js';
import { httpError } from '../helpers/api-errors.js';
import { createFakeClock } from '../helpers/fake-clock.js';
import { scriptedModel } from '../helpers/mock-model.js';

const fastRetry = {
  maxAttempts: 4,
  initialDelayMs: 100,
  maxDelayMs: 1_000,
  maxRetryAfterMs: 10_000,
};

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

  it('retries a 429 after the Retry-After delay, without waiting for real', async () => {
    const clock = createFakeClock();
    const model = scriptedModel([httpError(429, { 'retry-after': '1' }), { text: 'ok' }]);
    const result = await callText({ model, prompt: 'x', clock, retry: fastRetry });
    expect(result.text).toBe('ok');
    expect(result.attempts).toBe(2);
    expect(clock.sleeps).toEqual([1_000]);
    expect(model.doStreamCalls).toHaveLength(2);
  });

  it('backs off exponentially with jitter when no Retry-After is given', async () => {
    const clock = createFakeClock();
    const model = scriptedModel([httpError(500), httpError(503), httpError(502), { text: 'ok' }]);
    await callText({ model, prompt: 'x', clock, retry: fastRetry, random: () => 1 });
    expect(clock.sleeps).toEqual([100, 200, 400]);
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
    const controller = new AbortController();
    const clock = createFakeClock();
    const abortingClock = {
      ...clock,
      sleep: async (ms: number, signal?: AbortSignal) => {
        controller.abort(new Error('user pressed Ctrl-C'));
        return clock.sleep(ms, signal);
      },
    };
    const model = scriptedModel([httpError(500), { text: 'never' }]);
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
