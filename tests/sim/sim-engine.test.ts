import { describe, expect, it } from 'vitest';
import { resolveSimOptions } from '../../src/sim/parse-sim-options.js';
import { SimEngine } from '../../src/sim/sim-engine.js';
import type { SimOptionsInput } from '../../src/sim/sim-options.js';
import { createSimRequest } from './helpers/requests.js';
import { createVirtualClock } from './helpers/virtual-clock.js';

function engine(options: SimOptionsInput = {}) {
  return new SimEngine({ options: resolveSimOptions(options), clock: createVirtualClock() });
}

const request = createSimRequest({ prompt: 'Write about 100 words on salt marshes.' });

describe('SimEngine', () => {
  it('rejects with the configured Retry-After, or hangs, or replies', () => {
    expect(engine({ rateLimit: 1, retryAfter: '4s' }).decide(request)).toEqual({
      kind: 'rejected',
      fault: 'rate-limit',
      retryAfterMs: 4000,
    });
    expect(engine({ serverError: 1 }).decide(request)).toMatchObject({
      kind: 'rejected',
      fault: 'server-error',
    });
    expect(engine({ hang: 1 }).decide(request)).toEqual({ kind: 'hang' });
    expect(engine({ cut: 1 }).decide(request)).toMatchObject({
      kind: 'reply',
      reply: { fault: 'cut' },
    });
    expect(engine().decide(request)).toMatchObject({ kind: 'reply', reply: { fault: undefined } });
  });

  it('writes prompts to its cache only when it serves them', () => {
    const long = createSimRequest({
      system: 'Background. '.repeat(600),
      prompt: 'Write 10 words.',
    });
    const cached = (outcome: ReturnType<SimEngine['decide']>) =>
      outcome.kind === 'reply' ? outcome.reply.usage.cachedInputTokens : -1;
    const serving = engine();
    expect(cached(serving.decide(long))).toBe(0);
    expect(cached(serving.decide(long))).toBeGreaterThan(1024);
  });

  it('counts attempts per prompt, so the fault draw moves on', () => {
    const flaky = engine({ errors: 0.5, faults: 'server-error' });
    const kinds = Array.from({ length: 30 }, () => flaky.decide(request).kind);
    expect(kinds).toContain('rejected');
    expect(kinds).toContain('reply');
    const again = engine({ errors: 0.5, faults: 'server-error' });
    expect(Array.from({ length: 30 }, () => again.decide(request).kind)).toEqual(kinds);
  });

  it('starts service on arrival when a slot is free, and when the slot frees up otherwise', async () => {
    const clock = createVirtualClock();
    const queueing = new SimEngine({ options: resolveSimOptions({ slots: 1 }), clock });
    const first = await queueing.startService({ arrivedAt: clock.now() - 50 });
    expect(first.startedAt).toBe(clock.now() - 50);
    const second = queueing.startService({ arrivedAt: clock.now() });
    await clock.sleep(200);
    first.release();
    expect((await second).startedAt).toBe(clock.now());
  });
});
