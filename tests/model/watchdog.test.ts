import { afterEach, describe, expect, it, vi } from 'vitest';
import { ModelCallError } from '../../src/errors/model-call-error.js';
import { callText } from '../../src/model/call-text.js';
import { resolveModel } from '../../src/model/resolve-model.js';
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
