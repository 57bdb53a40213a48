import { describe, expect, it, vi } from 'vitest';
import { ModelCallError } from '../../src/errors/model-call-error.js';
import type { CallSettings } from '../../src/model/call-settings.js';
import { callText } from '../../src/model/call-text.js';
import { UsageMeter } from '../../src/model/usage-meter.js';
import { createSimModel } from '../../src/sim/create-sim-model.js';
import { httpError } from '../helpers/api-errors.js';
import { createFakeClock } from '../helpers/fake-clock.js';
import { type ScriptedReply, scriptedModel } from '../helpers/mock-model.js';

const retry = { maxAttempts: 4, initialDelayMs: 10, maxDelayMs: 10, maxRetryAfterMs: 1_000 };
const thoughtToTheLimit = {
  reasoning: 'Consider every angle of the question at great length. '.repeat(8),
  text: '',
  finishReason: 'length' as const,
  outputTokens: 120,
  reasoningTokens: 120,
};

/**
 * A text call (limit 100) to a model whose first reply thinks until its limit and whose next
 * replies are `then`; `outcome` is the result, or the error it failed with.
 */
async function afterLongThink(
  then: ScriptedReply[],
  options: Pick<CallSettings, 'retry' | 'onRetry'> = {},
) {
  const meter = new UsageMeter();
  const model = scriptedModel([thoughtToTheLimit, ...then]);
  const outcome = await callText({
    model,
    prompt: 'x',
    maxOutputTokens: 100,
    meter,
    retry,
    clock: createFakeClock(),
    ...options,
  }).catch((caught) => caught);
  return { meter, model, outcome };
}

describe('a reply that thinks until its output limit', () => {
  it('adds the thinking allowance to the output limit', async () => {
    const model = scriptedModel([{ text: 'Fine.' }]);
    await callText({ model, prompt: 'x', maxOutputTokens: 100, thinkingTokens: 50 });
    expect(model.doStreamCalls[0]?.maxOutputTokens).toBe(150);
  });

  it('is asked once more with twice the room and low reasoning effort, both charged', async () => {
    const meter = new UsageMeter();
    const model = scriptedModel([
      thoughtToTheLimit,
      { reasoning: 'Short.', text: 'The answer.', outputTokens: 30, reasoningTokens: 3 },
    ]);
    const result = await callText({
      model,
      prompt: 'x',
      maxOutputTokens: 100,
      thinkingTokens: 20,
      meter,
      retry,
      clock: createFakeClock(),
    });
    expect(result).toMatchObject({
      text: 'The answer.',
      reasoning: 'Short.',
      finishReason: 'stop',
    });
    expect(model.doStreamCalls.map((call) => call.maxOutputTokens)).toEqual([120, 240]);
    expect(model.doStreamCalls[1]?.providerOptions).toMatchObject({
      openaiCompatible: { reasoningEffort: 'low' },
      openai: { reasoningEffort: 'low' },
    });
    expect(result.usage).toMatchObject({ outputTokens: 150, reasoningTokens: 123 });
    expect(meter.totals()).toMatchObject({ calls: 1, failedAttempts: 0, outputTokens: 150 });
  });

  it('never reaches the caller as a cut answer to continue, even from a <think> block never closed', async () => {
    const model = scriptedModel([
      { text: '<think>Endless pondering of the matter', finishReason: 'length', outputTokens: 50 },
      { text: '<think>Brief.</think>Done.' },
    ]);
    const result = await callText({ model, prompt: 'x', maxOutputTokens: 50, retry });
    expect(result).toMatchObject({ text: 'Done.', finishReason: 'stop' });
    expect(model.doStreamCalls[1]?.maxOutputTokens).toBe(100);
  });

  it('fails at once with advice when even the larger limit is spent thinking', async () => {
    const { meter, model, outcome: error } = await afterLongThink([thoughtToTheLimit]);
    expect(error).toBeInstanceOf(ModelCallError);
    expect(error.reason).toBe('errorNotRetryable');
    expect(error.message).toMatch(/thought until its output limit.*200 tokens.*thinkingTokens/);
    expect(model.doStreamCalls).toHaveLength(2);
    // Both requests cost tokens, and the run's usage says so.
    expect(meter.totals()).toMatchObject({ calls: 0, outputTokens: 240, reasoningTokens: 240 });
  });

  it('retries a reply that ended inside an unclosed <think> block, never taking it as text', async () => {
    const model = scriptedModel([
      { text: 'Intro <think>and then silence' },
      { text: '<think>ok</think>Real answer.' },
    ]);
    const result = await callText({ model, prompt: 'x', retry, clock: createFakeClock() });
    expect(result.text).toBe('Real answer.');
    expect(result.attempts).toBe(2);
  });

  it('on the simulated model, a long think that fills the limit gets its answer on the second request', async () => {
    const model = createSimModel({ think: 'reasoning_content', thinkWords: 2_000, noise: 0 });
    const result = await callText({
      model,
      prompt: 'Write about 200 words on harbour lights.',
      maxOutputTokens: 800,
    });
    expect(result.finishReason).toBe('stop');
    expect(result.text.split(/\s+/).length).toBeGreaterThan(150);
    // Low effort: a quarter of the thinking.
    expect(result.reasoning.split(/\s+/).length).toBeLessThan(600);
  });

  it('sends no output limit when the caller set none', async () => {
    const model = scriptedModel([{ text: 'Fine.' }]);
    await callText({ model, prompt: 'x', thinkingTokens: 50 });
    expect(model.doStreamCalls[0]?.maxOutputTokens).toBeUndefined();
  });

  it("without a limit of its own, asks again with twice what the server's default let it spend", async () => {
    const model = scriptedModel([thoughtToTheLimit, { text: 'The answer.' }]);
    const result = await callText({ model, prompt: 'x', retry, clock: createFakeClock() });
    expect(result.text).toBe('The answer.');
    expect(model.doStreamCalls.map((call) => call.maxOutputTokens)).toEqual([undefined, 240]);
  });

  it("keeps the caller's provider options beside the low reasoning effort", async () => {
    const model = scriptedModel([thoughtToTheLimit, { text: 'The answer.' }]);
    await callText({
      model,
      prompt: 'x',
      maxOutputTokens: 100,
      retry,
      clock: createFakeClock(),
      providerOptions: { openai: { user: 'quire' }, openaiCompatible: { user: 'local' } },
    });
    expect(model.doStreamCalls[1]?.providerOptions).toEqual({
      openai: { user: 'quire', reasoningEffort: 'low' },
      openaiCompatible: { user: 'local', reasoningEffort: 'low' },
    });
  });

  it('charges the first request to a second one that failed otherwise, and retries as usual', async () => {
    const { meter, outcome } = await afterLongThink([
      { text: '', outputTokens: 5 },
      { text: 'The answer.', outputTokens: 30 },
    ]);
    expect(outcome).toMatchObject({ text: 'The answer.', attempts: 2 });
    expect(meter.totals()).toMatchObject({ calls: 1, failedAttempts: 1, outputTokens: 155 });
  });

  it('gives up with the last failure when every larger request comes back empty', async () => {
    const { outcome } = await afterLongThink(
      [{ text: '', outputTokens: 5 }, thoughtToTheLimit, { text: '', outputTokens: 5 }],
      { retry: { ...retry, maxAttempts: 2 } },
    );
    expect(outcome).toBeInstanceOf(ModelCallError);
    expect(outcome.message).not.toMatch(/thought until its output limit/);
    expect(outcome.cause).toMatchObject({ problem: 'empty' });
  });

  it('charges the first request when the second is cut and counted nothing, and retries', async () => {
    const { meter, outcome } = await afterLongThink([
      { text: 'Half an', streamError: new Error('connection reset') },
      { text: 'The answer.', outputTokens: 30 },
    ]);
    expect(outcome).toMatchObject({ text: 'The answer.', attempts: 2 });
    expect(meter.totals()).toMatchObject({ calls: 1, failedAttempts: 1, outputTokens: 150 });
  });

  it("passes on the server's refusal of the second request as it is, charging the first", async () => {
    const refusal = httpError(404);
    const { meter, model, outcome } = await afterLongThink([refusal]);
    expect(outcome).toMatchObject({ reason: 'errorNotRetryable', statusCode: 404, attempts: 1 });
    expect(outcome.cause).toBe(refusal);
    expect(model.doStreamCalls).toHaveLength(2);
    expect(meter.totals()).toMatchObject({ calls: 0, outputTokens: 120, reasoningTokens: 120 });
  });

  it('charges the first request when the second is rate limited, and retries it as a rate limit', async () => {
    const onRetry = vi.fn();
    const { meter, outcome } = await afterLongThink(
      [httpError(429), { text: 'The answer.', outputTokens: 30 }],
      { onRetry },
    );
    expect(outcome).toMatchObject({ text: 'The answer.', attempts: 2 });
    expect(onRetry.mock.calls[0]?.[0].error).toMatchObject({
      kind: 'rateLimited',
      statusCode: 429,
    });
    expect(meter.totals()).toMatchObject({ calls: 1, failedAttempts: 1, outputTokens: 150 });
  });

  it('charges the first request when the connection is refused for the second and the call fails', async () => {
    const refused = new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    const { meter, outcome } = await afterLongThink([refused], {
      retry: { ...retry, maxAttempts: 1 },
    });
    expect(outcome).toMatchObject({ reason: 'maxRetriesExceeded', attempts: 1 });
    expect(outcome.message).toMatch(/is the server running/);
    expect(outcome.cause).toBe(refused);
    expect(meter.totals()).toMatchObject({ calls: 0, outputTokens: 120, reasoningTokens: 120 });
  });
});
