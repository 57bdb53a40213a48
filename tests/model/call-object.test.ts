import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { callObject } from '../../src/model/call-object.js';
import { UsageMeter } from '../../src/model/usage-meter.js';
import { createFakeClock } from '../helpers/fake-clock.js';
import { scriptedModel } from '../helpers/mock-model.js';

const Outline = z.object({ title: z.string(), sections: z.array(z.string()).min(1) });
const retry = { maxAttempts: 3, initialDelayMs: 10, maxDelayMs: 10, maxRetryAfterMs: 1_000 };

describe('callObject', () => {
  it('parses JSON wrapped in a code fence and validates it', async () => {
    const model = scriptedModel([
      { text: 'Here you go:\n```json\n{"title":"T","sections":["a","b"]}\n```' },
    ]);
    const result = await callObject({ model, schema: Outline, prompt: 'plan' });
    expect(result.object).toEqual({ title: 'T', sections: ['a', 'b'] });
  });

  it('sends the schema to the provider as a JSON response format', async () => {
    const model = scriptedModel([{ text: '{"title":"T","sections":["a"]}' }]);
    await callObject({ model, schema: Outline, prompt: 'plan' });
    const format = model.doStreamCalls[0]?.responseFormat;
    expect(format?.type).toBe('json');
    expect(format?.type === 'json' && format.schema).toMatchObject({
      type: 'object',
      required: ['title', 'sections'],
    });
  });

  it('retries malformed JSON and a schema mismatch, charging their tokens', async () => {
    const meter = new UsageMeter();
    const model = scriptedModel([
      { text: '{"title": "T", "sections": [', outputTokens: 4 },
      { text: '{"title":"T","sections":[]}', outputTokens: 6 },
      { text: '{"title":"T","sections":["x"]}', outputTokens: 8 },
    ]);
    const result = await callObject({
      model,
      schema: Outline,
      prompt: 'plan',
      meter,
      retry,
      clock: createFakeClock(),
    });
    expect(result.attempts).toBe(3);
    expect(result.usage.outputTokens).toBe(18);
    expect(meter.totals()).toMatchObject({ calls: 1, failedAttempts: 2, outputTokens: 18 });
  });

  it('gives up with a message saying what was wrong with the last reply', async () => {
    const model = scriptedModel([{ text: 'Sorry, I cannot produce JSON.' }]);
    const error = await callObject({
      model,
      schema: Outline,
      prompt: 'plan',
      retry,
      clock: createFakeClock(),
    }).catch((e) => e);
    expect(error).toMatchObject({ reason: 'maxRetriesExceeded', attempts: 3 });
    expect(error.message).toContain('not valid JSON');
    // The model's format will not change by waiting: the advice names what would help.
    expect(error.message).toContain('JSON mode');
    expect(error.message).not.toContain('try again later');
  });
});
