import type { LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { MockLanguageModelV3 } from 'ai/test';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { ModelCallError } from '../../src/errors/model-call-error.js';
import { ModelOutputError } from '../../src/errors/model-output-error.js';
import { callText } from '../../src/model/call-text.js';
import { resolveModel } from '../../src/model/resolve-model.js';
import { startWatchdog } from '../../src/model/watchdog.js';
import { createSimModel } from '../../src/sim/create-sim-model.js';
import { startSimServer } from '../../src/sim/start-sim-server.js';

const prompt = 'Write about 60 words on fog signals.';
const once = { maxAttempts: 1, initialDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 };

afterEach(() => {
  vi.useRealTimers();
});

/** Runs `call` to its end under fake timers, which the sim's pacing and the watchdog both use. */
async function withFakeTimers<T>(call: () => Promise<T>): Promise<T> {
  vi.useFakeTimers();
  const settled = call().then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  await vi.runAllTimersAsync();
  const outcome = await settled;
  if ('error' in outcome) throw outcome.error;
  return outcome.value;
}

/**
 * A model whose reply starts, sends `pieces` (one every `everyMs`), then goes silent until the
 * client gives up: a server stuck part-way through a reply.
 */
function stallingModel({ pieces, everyMs }: { pieces: number; everyMs: number }) {
  return new MockLanguageModelV3({
    doStream: async ({ abortSignal }) => ({
      stream: new ReadableStream<LanguageModelV3StreamPart>({
        async start(controller) {
          abortSignal?.addEventListener('abort', () => controller.error(abortSignal.reason));
          controller.enqueue({ type: 'stream-start', warnings: [] });
          controller.enqueue({ type: 'text-start', id: 't' });
          for (let index = 0; index < pieces; index++) {
            await new Promise((resolve) => setTimeout(resolve, everyMs));
            controller.enqueue({ type: 'text-delta', id: 't', delta: `word${index} ` });
          }
        },
      }),
    }),
  });
}

describe('the idle watchdog', () => {
  const timeouts = { idleTimeoutMs: 1_000, requestTimeoutMs: 600_000 };

  it('restarts the idle limit on every piece: a reply streaming for 5 s passes a 1 s limit', async () => {
    // Half a second between pieces, then silence: only the silence at the end may fire.
    const model = stallingModel({ pieces: 10, everyMs: 500 });
    const received: string[] = [];
    const error = await withFakeTimers(() =>
      callText({
        model,
        prompt,
        retry: once,
        timeouts,
        onTextDelta: (delta) => received.push(delta),
      }),
    ).catch((caught: unknown) => caught);
    expect(received).toHaveLength(10);
    // Fired by the idle limit after the last piece, not by the total limit ten minutes on.
    expect((error as Error).message).toMatch(/no reply for 1000 ms/);
  });

  it('gives up on a server that never answers, long before the total limit', async () => {
    // The SDK's own `timeout.chunkMs` starts with the first part of a stream, so it never fires
    // for a request whose reply never starts: this is why quire keeps its own idle timer.
    const model = createSimModel({ hang: 1, noise: 0 });
    const error = await withFakeTimers(() =>
      callText({ model, prompt, retry: once, timeouts }),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ModelCallError);
    expect((error as Error).message).toMatch(/no reply for 1000 ms/);
  });
});

describe('the idle watchdog and a model that thinks', () => {
  it.each(['reasoning_content', 'tags'] as const)(
    'counts %s thinking as activity: four seconds of thinking pass a one-second idle limit',
    async (think) => {
      // About 400 tokens of thinking at 100 a second, one piece every ~13 ms, before any answer.
      const model = createSimModel({ think, thinkWords: 300, tps: 100, noise: 0 });
      const result = await withFakeTimers(() =>
        callText({
          model,
          prompt,
          retry: once,
          timeouts: { idleTimeoutMs: 1_000, requestTimeoutMs: 600_000 },
        }),
      );
      expect(result.reasoning.split(/\s+/).length).toBeGreaterThan(250);
      expect(result.text.split(/\s+/).length).toBeGreaterThan(50);
    },
  );

  it('still gives up on a stream that is silent for as long', async () => {
    const model = createSimModel({ ttft: '4s', noise: 0 });
    const error = await withFakeTimers(() =>
      callText({
        model,
        prompt,
        retry: once,
        timeouts: { idleTimeoutMs: 1_000, requestTimeoutMs: 600_000 },
      }),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ModelCallError);
    expect((error as Error).message).toMatch(/no reply for 1000 ms/);
  });

  it('counts reasoning_content deltas over HTTP as activity', { timeout: 30_000 }, async () => {
    // About 200 tokens of thinking at 80 a second: 2.5 s with nothing in the content.
    const server = await startSimServer({
      port: 0,
      options: { think: 'reasoning_content', thinkWords: 150, tps: 80, noise: 0 },
    });
    try {
      const { model } = resolveModel({ spec: 'openai:sim', baseUrl: server.url });
      const result = await callText({
        model,
        prompt,
        retry: once,
        timeouts: { idleTimeoutMs: 1_000, requestTimeoutMs: 60_000 },
      });
      expect(result.reasoning.split(/\s+/).length).toBeGreaterThan(120);
      expect(result.text.split(/\s+/).length).toBeGreaterThan(50);
    } finally {
      await server.close();
    }
  });
});

describe('startWatchdog', () => {
  const timeouts = { idleTimeoutMs: 1_000, requestTimeoutMs: 3_000 };

  /** A watchdog on fake timers, stopped when the test ends. */
  function watchdogFor(abortSignal?: AbortSignal) {
    vi.useFakeTimers();
    const watchdog = startWatchdog({ timeouts, abortSignal });
    onTestFinished(() => watchdog.stop());
    return watchdog;
  }

  it('fires the idle limit after a silence as long as the limit, as a retryable timeout', async () => {
    const watchdog = watchdogFor();
    await vi.advanceTimersByTimeAsync(999);
    expect(watchdog.signal.aborted).toBe(false);
    expect(() => watchdog.check()).not.toThrow();
    await vi.advanceTimersByTimeAsync(1);
    expect(watchdog.signal.aborted).toBe(true);
    expect(watchdog.signal.reason).toEqual(new Error('no reply for 1000 ms'));
    const error = (() => {
      try {
        watchdog.check();
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ModelOutputError);
    expect(error).toMatchObject({ problem: 'timeout', message: 'no reply for 1000 ms' });
  });

  it('waits again from the last piece when one came during the idle limit', async () => {
    const watchdog = watchdogFor();
    await vi.advanceTimersByTimeAsync(700);
    watchdog.touch();
    await vi.advanceTimersByTimeAsync(999);
    expect(watchdog.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(watchdog.signal.reason).toEqual(new Error('no reply for 1000 ms'));
  });

  it('fires the total limit however often pieces come', async () => {
    const watchdog = watchdogFor();
    for (let piece = 0; piece < 5; piece++) {
      await vi.advanceTimersByTimeAsync(500);
      watchdog.touch();
    }
    await vi.advanceTimersByTimeAsync(499);
    expect(watchdog.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(watchdog.signal.reason).toEqual(new Error('no complete reply within 3000 ms'));
  });

  it('explains an error by the limit that fired, and leaves it alone before', async () => {
    const watchdog = watchdogFor();
    const cut = new Error('stream closed');
    expect(watchdog.explain(cut)).toBe(cut);
    await vi.advanceTimersByTimeAsync(1_000);
    const explained = watchdog.explain(cut);
    expect(explained).toBeInstanceOf(ModelOutputError);
    expect(explained).toMatchObject({
      problem: 'timeout',
      message: 'no reply for 1000 ms',
      cause: cut,
    });
  });

  it('follows the caller signal, and leaves a caller stop unexplained', async () => {
    const controller = new AbortController();
    const watchdog = watchdogFor(controller.signal);
    const stop = new Error('stopped by the user');
    controller.abort(stop);
    expect(watchdog.signal.reason).toBe(stop);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(() => watchdog.check()).not.toThrow();
    expect(watchdog.explain(stop)).toBe(stop);
  });

  it('fires nothing once stopped', async () => {
    const watchdog = watchdogFor();
    watchdog.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(watchdog.signal.aborted).toBe(false);
  });
});
