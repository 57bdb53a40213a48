import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ModelCallError } from '../../src/errors/model-call-error.js';
import { callObject } from '../../src/model/call-object.js';
import { callText } from '../../src/model/call-text.js';
import { simOverHttp } from '../helpers/sim-http.js';

// Text and JSON calls read the provider's stream themselves (see `readProviderStream`): these
// run them through the real OpenAI client against `quire sim serve` over HTTP.
const prompt = 'Write about 120 words on fog signals.';
const once = { maxAttempts: 1, initialDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 };
const slow = { timeout: 60_000 };

describe('a text call read straight from the provider stream, over HTTP', () => {
  it('keeps <think> thinking out of the text and out of every delta', slow, async () => {
    const { model } = await simOverHttp({ think: 'tags', thinkWords: 40 });
    const deltas: string[] = [];
    const result = await callText({ model, prompt, onTextDelta: (delta) => deltas.push(delta) });
    expect(result.reasoning.split(/\s+/).length).toBeGreaterThan(30);
    expect(result.text).not.toMatch(/<\/?think>/);
    expect(result.text.split(/\s+/).length).toBeGreaterThan(80);
    // What the deltas said is the text, give or take the blank line after the thinking.
    expect(deltas.join('').trim()).toBe(result.text);
  });

  it('reports the usage and finish reason the server sent', slow, async () => {
    const { model } = await simOverHttp({});
    const full = await callText({ model, prompt });
    expect(full.finishReason).toBe('stop');
    expect(full.usage.estimated).toBeUndefined();
    expect(full.usage.inputTokens).toBeGreaterThan(0);
    expect(full.usage.outputTokens).toBeGreaterThan(100);
    const cut = await callText({ model, prompt, maxOutputTokens: 20 });
    expect(cut.finishReason).toBe('length');
    expect(cut.usage.outputTokens).toBeLessThanOrEqual(20);
  });

  it(
    'restarts the idle limit on every piece: a reply longer than the limit passes',
    slow,
    async () => {
      // About 160 tokens at 40 a second: four seconds of reply against a one-second idle limit.
      const { model } = await simOverHttp({ tps: 40 });
      const result = await callText({
        model,
        prompt,
        retry: once,
        timeouts: { idleTimeoutMs: 1_000, requestTimeoutMs: 60_000 },
      });
      expect(result.text.split(/\s+/).length).toBeGreaterThan(80);
      expect(result.attempts).toBe(1);
    },
  );

  it('ends as interrupted, with no retry, when the caller stops it mid-reply', slow, async () => {
    const { model } = await simOverHttp({ tps: 40 });
    const controller = new AbortController();
    const stop = new Error('stopped by the user');
    const deltas: string[] = [];
    const error = await callText({
      model,
      prompt,
      abortSignal: controller.signal,
      onTextDelta: (delta) => {
        deltas.push(delta);
        if (deltas.length === 5) controller.abort(stop);
      },
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ModelCallError);
    expect(error).toMatchObject({ reason: 'abort', category: 'interrupted', attempts: 1 });
    expect(deltas.length).toBeLessThan(20);
  });

  it('reads a JSON reply against its schema', slow, async () => {
    const { model } = await simOverHttp({});
    const schema = z.object({ title: z.string(), sections: z.array(z.string()) });
    const result = await callObject({ model, prompt: 'Plan a guide to lighthouses.', schema });
    expect(schema.safeParse(result.object).success).toBe(true);
  });
});
