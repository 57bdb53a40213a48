import { describe, expect, it } from 'vitest';
import { ContextOverflowError } from '../../src/errors/context-overflow-error.js';
import { ModelCallError } from '../../src/errors/model-call-error.js';
import { ModelOutputError } from '../../src/errors/model-output-error.js';
import { type RetryEvent, withRetry } from '../../src/model/with-retry.js';
import { httpError } from '../helpers/api-errors.js';
import { createFakeClock } from '../helpers/fake-clock.js';

/** No backoff: only a Retry-After waits, on the fake clock. */
const retry = { maxAttempts: 3, initialDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 10_000 };

/** An attempt that throws each of `failures` in turn, then answers with its number. */
function failing(...failures: unknown[]) {
  const numbers: number[] = [];
  const attempt = async (attemptNumber: number) => {
    numbers.push(attemptNumber);
    if (attemptNumber <= failures.length) throw failures[attemptNumber - 1];
    return `answer ${attemptNumber}`;
  };
  return { attempt, numbers };
}

/** The `ModelCallError` (or other error) `withRetry` ends with for `failures`. */
async function failureOf(
  failures: unknown[],
  settings: Partial<Parameters<typeof withRetry>[0]> = {},
): Promise<ModelCallError> {
  const { attempt } = failing(...failures);
  const error = await withRetry({
    attempt,
    modelId: 'm',
    retry,
    clock: createFakeClock(),
    ...settings,
  }).catch((caught: unknown) => caught);
  if (!(error instanceof ModelCallError)) throw new Error(`not a ModelCallError: ${error}`);
  return error;
}

/** An unusable reply with `problem`. */
function unusable(problem: ModelOutputError['problem']): ModelOutputError {
  return new ModelOutputError({ message: `reply was ${problem}`, problem });
}

describe('withRetry', () => {
  it('returns the value and how many attempts it took, numbering each attempt', async () => {
    const { attempt, numbers } = failing(httpError(503));
    const result = await withRetry({ attempt, modelId: 'm', retry, clock: createFakeClock() });
    expect(result).toEqual({ value: 'answer 2', attempts: 2 });
    expect(numbers).toEqual([1, 2]);
  });

  it('reports each retry with its attempt, its least wait and the failure', async () => {
    const events: RetryEvent[] = [];
    const clock = createFakeClock();
    const { attempt } = failing(httpError(429, { 'retry-after': '2' }), httpError(503));
    await withRetry({
      attempt,
      modelId: 'm',
      retry,
      clock,
      onRetry: (event) => events.push(event),
    });
    expect(events).toMatchObject([
      { attempt: 1, delayMs: 2_000, error: { kind: 'rateLimited', statusCode: 429 } },
      { attempt: 2, delayMs: 0, error: { kind: 'serverError', statusCode: 503 } },
    ]);
    expect(clock.sleeps).toEqual([2_000]);
  });

  it('waits a Retry-After exactly at the ceiling', async () => {
    const clock = createFakeClock();
    const { attempt } = failing(httpError(429, { 'retry-after': '10' }));
    const result = await withRetry({ attempt, modelId: 'm', retry, clock });
    expect(result.attempts).toBe(2);
    expect(clock.sleeps).toEqual([10_000]);
  });

  it('names the model and keeps the reason when the run is stopped', async () => {
    const stop = new Error('stopped by the user');
    const controller = new AbortController();
    const attempt = async () => {
      controller.abort(stop);
      throw httpError(503);
    };
    const error = await withRetry({
      attempt,
      modelId: 'm',
      retry,
      abortSignal: controller.signal,
      clock: createFakeClock(),
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ModelCallError);
    expect(error).toMatchObject({
      message: 'The call to m was aborted.',
      reason: 'abort',
      modelId: 'm',
      attempts: 1,
      cause: stop,
    });
  });

  it('passes a prompt too long for the window through as it is, at once', async () => {
    const overflow = new ContextOverflowError({
      message: 'too long',
      reason: 'refused',
      sentTokens: 9,
    });
    const { attempt, numbers } = failing(overflow);
    const error = await withRetry({ attempt, modelId: 'm', retry, clock: createFakeClock() }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBe(overflow);
    expect(numbers).toEqual([1]);
  });

  it("points a refused key at the provider's own variable", async () => {
    const refused = httpError(401);
    const error = await failureOf([refused], { provider: 'anthropic.messages' });
    expect(error).toMatchObject({
      reason: 'authentication',
      message: 'm rejected the credentials (401: HTTP 401): check ANTHROPIC_API_KEY.',
      modelId: 'm',
      attempts: 1,
      statusCode: 401,
      cause: refused,
    });
  });

  it('says a reply retrying cannot fix gave no usable answer', async () => {
    const error = await failureOf([unusable('thinkingExhausted')]);
    expect(error).toMatchObject({
      reason: 'errorNotRetryable',
      message: 'm gave no usable answer: reply was thinkingExhausted.',
      attempts: 1,
    });
  });

  it('says a refused request is to be checked, not retried', async () => {
    const error = await failureOf([httpError(404)]);
    expect(error).toMatchObject({
      reason: 'errorNotRetryable',
      message: 'm refused the request (404: HTTP 404); check the model id and its settings.',
      statusCode: 404,
    });
  });

  it('refuses a Retry-After beyond the ceiling on the last attempt too', async () => {
    const error = await failureOf([httpError(429, { 'retry-after': '3600' })], {
      retry: { ...retry, maxAttempts: 1 },
    });
    expect(error).toMatchObject({
      reason: 'maxRetriesExceeded',
      message:
        'm asked to wait 3600 s (429: HTTP 429), longer than retry.maxRetryAfterMs; try again later or raise that limit.',
      attempts: 1,
    });
  });

  it('gives up after the last attempt with advice fitting the failure', async () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    expect((await failureOf([reset, reset, reset])).message).toBe(
      'm failed 3 time(s), last: socket hang up; is the server running and the base URL right?',
    );
    const garbled = unusable('invalidJson');
    expect((await failureOf([garbled, garbled, garbled])).message).toBe(
      'm failed 3 time(s), last: reply was invalidJson; the model keeps answering in a form quire cannot read; use a model or server with JSON mode (structured output).',
    );
    const busy = httpError(503);
    const error = await failureOf([busy, busy, busy]);
    expect(error).toMatchObject({
      reason: 'maxRetriesExceeded',
      message:
        'm failed 3 time(s), last: 503: HTTP 503; try again later, lower the concurrency, or raise retry.maxAttempts.',
      attempts: 3,
      statusCode: 503,
      cause: busy,
    });
  });

  it('reports no retry for a failure it will not retry, nor for one after the run stopped', async () => {
    const events: RetryEvent[] = [];
    const onRetry = (event: RetryEvent) => events.push(event);
    await failureOf([httpError(400)], { onRetry });
    const clock = createFakeClock();
    const last = await failureOf([httpError(429, { 'retry-after': '2' })], {
      onRetry,
      clock,
      retry: { ...retry, maxAttempts: 1 },
    });
    expect(last.message).toBe(
      'm failed 1 time(s), last: 429: HTTP 429; try again later, lower the concurrency, or raise retry.maxAttempts.',
    );
    expect(clock.sleeps).toEqual([]);
    const controller = new AbortController();
    await withRetry({
      attempt: async () => {
        controller.abort(new Error('stopped'));
        throw httpError(503);
      },
      modelId: 'm',
      retry,
      abortSignal: controller.signal,
      clock: createFakeClock(),
      onRetry,
    }).catch(() => {});
    expect(events).toEqual([]);
  });

  it('takes a Retry-After at the ceiling on the last attempt as any spent attempt', async () => {
    const error = await failureOf([httpError(429, { 'retry-after': '10' })], {
      retry: { ...retry, maxAttempts: 1 },
    });
    expect(error.message).toMatch(/^m failed 1 time\(s\), last: 429: HTTP 429; try again later/);
  });

  it('keeps the rate limit as the cause when it refuses to wait', async () => {
    const limited = httpError(429, { 'retry-after': '3600' });
    const error = await failureOf([limited]);
    expect(error).toMatchObject({
      reason: 'maxRetriesExceeded',
      attempts: 1,
      statusCode: 429,
      cause: limited,
    });
  });

  it('ends with the last failure when reporting a retry fails', async () => {
    const broken = new Error('journal not writable');
    const error = await failureOf([httpError(503)], {
      onRetry: () => {
        throw broken;
      },
    });
    expect(error).toMatchObject({
      reason: 'maxRetriesExceeded',
      message:
        'm failed 1 time(s), last: 503: HTTP 503; try again later, lower the concurrency, or raise retry.maxAttempts.',
      cause: broken,
    });
  });
});
