import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { callObject } from '../../src/model/call-object.js';
import { callText } from '../../src/model/call-text.js';
import { defaultRetrySettings } from '../../src/model/retry-settings.js';
import type { RetryEvent } from '../../src/model/with-retry.js';
import { useSimModels } from './helpers/sim-models.js';
import { createVirtualClock } from './helpers/virtual-clock.js';

const models = useSimModels();

/** No backoff of p-retry's own (a real timer): only a Retry-After waits, on the virtual clock. */
const retry = { ...defaultRetrySettings, initialDelayMs: 0, maxDelayMs: 0 };

const prompts = Array.from(
  { length: 12 },
  (_, index) => `Write about 60 words on coastal path number ${index}.`,
);

/** Runs `call` on every prompt and gathers the retries the call layer reported. */
async function callAll(
  call: (prompt: string, onRetry: (event: RetryEvent) => void) => Promise<{ attempts: number }>,
) {
  const retries: RetryEvent[] = [];
  const attempts: number[] = [];
  for (const prompt of prompts)
    attempts.push((await call(prompt, (event) => retries.push(event))).attempts);
  return { retries, attempts };
}

describe("quire's call layer on the sim", () => {
  it('retries a 429 after its Retry-After, then succeeds', async () => {
    for (const [way, model] of await models({ rateLimit: 0.5, retryAfter: '1500ms' })) {
      const clock = createVirtualClock();
      const { retries, attempts } = await callAll((prompt, onRetry) =>
        callText({ model, prompt, clock, retry, onRetry }),
      );
      expect(
        attempts.some((count) => count > 1),
        way,
      ).toBe(true);
      expect(retries.length, way).toBe(attempts.reduce((sum, count) => sum + count - 1, 0));
      for (const retry of retries) {
        expect(retry.error.kind, way).toBe('rateLimited');
        expect(retry.delayMs, way).toBe(1500);
      }
      expect(clock.sleeps, way).toEqual(retries.map(() => 1500));
    }
  });

  it('retries a server error, a cut stream and an empty reply', async () => {
    for (const [way, model] of await models({ errors: 0.6, faults: 'server-error+cut+empty' })) {
      const { retries } = await callAll((prompt, onRetry) =>
        callText({ model, prompt, clock: createVirtualClock(), retry, onRetry }),
      );
      const kinds = new Set(retries.map((retry) => retry.error.kind));
      expect(kinds, way).toEqual(new Set(['serverError', 'network', 'badOutput']));
    }
  });

  it('retries malformed JSON in callObject and returns a valid object', async () => {
    const schema = z.object({ title: z.string(), points: z.array(z.string()).min(2).max(5) });
    for (const [way, model] of await models({ badJson: 0.5 })) {
      const { retries } = await callAll(async (prompt, onRetry) => {
        const result = await callObject({
          model,
          prompt,
          schema,
          clock: createVirtualClock(),
          retry,
          onRetry,
        });
        expect(schema.safeParse(result.object).success).toBe(true);
        return result;
      });
      expect(retries.length, way).toBeGreaterThan(0);
      for (const retry of retries) expect(retry.error.kind, way).toBe('badFormat');
    }
  });

  it('records the cached prompt tokens in the usage', async () => {
    for (const [way, model] of await models({})) {
      const system = 'Shared background for every section. '.repeat(200);
      await callText({ model, system, prompt: 'Write 20 words on gulls.' });
      const second = await callText({ model, system, prompt: 'Write 20 words on terns.' });
      expect(second.usage.cachedInputTokens, way).toBeGreaterThanOrEqual(1024);
    }
  });
});
