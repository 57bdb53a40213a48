import { describe, expect, it } from 'vitest';
import { ContextOverflowError } from '../../src/errors/context-overflow-error.js';
import { ModelCallError } from '../../src/errors/model-call-error.js';
import { ModelOutputError } from '../../src/errors/model-output-error.js';
import { CallPool } from '../../src/model/call-pool.js';
import { runCall } from '../../src/model/run-call.js';
import { type CallUsage, emptyUsage, UsageMeter } from '../../src/model/usage-meter.js';
import { httpError } from '../helpers/api-errors.js';
import { createFakeClock } from '../helpers/fake-clock.js';
import { scriptedModel } from '../helpers/mock-model.js';

const retry = { maxAttempts: 3, initialDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 10_000 };

/** A usage of `outputTokens` output tokens. */
function usageOf(outputTokens: number): CallUsage {
  return { ...emptyUsage, inputTokens: 10, outputTokens };
}

/** An unusable reply that cost `outputTokens`. */
function unusable(outputTokens: number): ModelOutputError {
  return new ModelOutputError({ message: 'empty', problem: 'empty', usage: usageOf(outputTokens) });
}

/**
 * An attempt that fails with each of `failures` in turn, each after `stepMs` on `clock`, then
 * answers `value` with reasoning `reasoning`.
 */
function attempts({
  failures,
  clock,
  stepMs = 0,
  reasoning = '',
}: {
  failures: Error[];
  clock: ReturnType<typeof createFakeClock>;
  stepMs?: number;
  reasoning?: string;
}) {
  let index = 0;
  return async () => {
    await clock.sleep(stepMs);
    const failure = failures[index++];
    if (failure) throw failure;
    return { value: 'answer', usage: usageOf(7), reasoning };
  };
}

describe('runCall', () => {
  it('records the call with the tokens of the replies it could not use, and its wall time', async () => {
    const clock = createFakeClock();
    const meter = new UsageMeter();
    const result = await runCall({
      settings: { model: scriptedModel([]), retry, clock, meter },
      attempt: attempts({ failures: [unusable(3), unusable(4)], clock, stepMs: 250 }),
    });
    expect(result).toEqual({
      value: 'answer',
      usage: { ...usageOf(14), inputTokens: 30 },
      attempts: 3,
      latencyMs: 750,
    });
    expect(meter.totals()).toMatchObject({
      calls: 1,
      failedAttempts: 2,
      outputTokens: 14,
      inputTokens: 30,
      latencyMs: 750,
    });
  });

  it('hands the thinking of the reply used to onThinking, and nothing when it did not think', async () => {
    const clock = createFakeClock();
    const thoughts: string[] = [];
    const onThinking = (thinking: string) => thoughts.push(thinking);
    const settings = { model: scriptedModel([]), retry, clock, onThinking };
    await runCall({ settings, attempt: attempts({ failures: [], clock, reasoning: 'weigh it' }) });
    await runCall({ settings, attempt: attempts({ failures: [], clock }) });
    expect(thoughts).toEqual(['weigh it']);
  });

  it('records a call that failed, with its attempts and the tokens they cost', async () => {
    const clock = createFakeClock();
    const meter = new UsageMeter();
    const error = await runCall({
      settings: { model: scriptedModel([]), retry, clock, meter },
      attempt: attempts({ failures: [unusable(2), unusable(2), unusable(5)], clock, stepMs: 100 }),
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ModelCallError);
    expect(meter.totals()).toMatchObject({
      calls: 0,
      failedAttempts: 3,
      outputTokens: 9,
      latencyMs: 300,
    });
  });

  it('charges a prompt the server cut as one failed attempt, passing its error through', async () => {
    const clock = createFakeClock();
    const meter = new UsageMeter();
    const overflow = new ContextOverflowError({
      message: 'the server cut the prompt',
      reason: 'truncated',
      sentTokens: 9_000,
      usage: usageOf(6),
    });
    const error = await runCall({
      settings: { model: scriptedModel([]), retry, clock, meter },
      attempt: attempts({ failures: [overflow], clock }),
    }).catch((caught: unknown) => caught);
    expect(error).toBe(overflow);
    expect(meter.totals()).toMatchObject({ calls: 0, failedAttempts: 1, outputTokens: 6 });
  });

  it('charges nothing for an attempt stopped before it began', async () => {
    const clock = createFakeClock();
    const meter = new UsageMeter();
    await runCall({
      settings: { model: scriptedModel([]), retry, clock, meter, abortSignal: AbortSignal.abort() },
      attempt: attempts({ failures: [], clock }),
    }).catch(() => {});
    expect(meter.totals()).toMatchObject({ calls: 0, failedAttempts: 0, outputTokens: 0 });
  });

  it('holds a place of the pool for each attempt, and slows the pool on a rate limit', async () => {
    const clock = createFakeClock();
    const pool = new CallPool({ size: 4, clock });
    const seen: number[] = [];
    let index = 0;
    const result = await runCall({
      settings: { model: scriptedModel([]), retry, clock, pool },
      attempt: async () => {
        seen.push(pool.active);
        if (index++ === 0) throw httpError(429, { 'retry-after': '2' });
        return { value: 'answer', usage: usageOf(7), reasoning: '' };
      },
    });
    expect(result.attempts).toBe(2);
    expect(seen).toEqual([1, 1]);
    expect(pool.active).toBe(0);
    expect(pool.limit).toBe(2);
    // The pool's pause is the Retry-After, which the retry also waited.
    expect(clock.sleeps).toContain(2_000);
  });

  it('gives the pool place back without slowing the pool on any other failure', async () => {
    const clock = createFakeClock();
    const pool = new CallPool({ size: 4, clock });
    await runCall({
      settings: { model: scriptedModel([]), retry, clock, pool },
      attempt: attempts({ failures: [httpError(503)], clock }),
    });
    expect(pool).toMatchObject({ active: 0, limit: 4 });
  });
});
