import { describe, expect, it } from 'vitest';
import { ContextOverflowError } from '../../../src/errors/context-overflow-error.js';
import { callText } from '../../../src/model/call-text.js';
import {
  ContextWindow,
  type ContextWindowState,
} from '../../../src/model/context/context-window.js';
import { estimateCounter } from '../../../src/model/tokens/token-counter.js';
import { UsageMeter } from '../../../src/model/usage-meter.js';
import { simOverHttp } from '../../helpers/sim-http.js';

const assumed: ContextWindowState = { tokens: 128_000, source: 'assumed' };
const longPrompt = (tokens: number) =>
  `Write about 100 words on harbours. Notes: ${'the tide came in over the old stone quay '.repeat(Math.ceil(tokens / 10))}`;

function windowFor(state: ContextWindowState = assumed) {
  const changes: ContextWindowState[] = [];
  const window = new ContextWindow({
    state,
    counter: estimateCounter,
    onLearn: (next) => changes.push(next),
  });
  return { window, changes };
}

describe('a server that reports no usage', () => {
  it('gets its tokens counted by quire, marked estimated, streamed or not', async () => {
    const { model } = await simOverHttp({ usage: 'off' });
    const meter = new UsageMeter();
    const result = await callText({ model, prompt: 'Write about 80 words on kelp.', meter });
    expect(result.usage.inputTokens).toBeGreaterThan(5);
    expect(result.usage.outputTokens).toBeGreaterThan(60);
    expect(result.usage.estimated).toEqual({ calls: 1, tokenizer: 'quire-estimate' });
    expect(meter.totals().estimated).toEqual({ calls: 1, tokenizer: 'quire-estimate' });
  });

  it('is not mistaken for one when it reports usage', async () => {
    const { model } = await simOverHttp({});
    const result = await callText({ model, prompt: 'Write about 80 words on kelp.' });
    expect(result.usage.estimated).toBeUndefined();
  });
});

describe.each([
  ['openai', 'openai'],
  ['vllm', 'vllm'],
  ['llama-cpp', 'llama.cpp'],
] as const)('a %s server refusing a request longer than its window', (server, kind) => {
  it('becomes a ContextOverflowError and teaches the window its size', async () => {
    const { model } = await simOverHttp({ context: 1_000, server });
    const { window, changes } = windowFor();
    const error = await callText({
      model,
      prompt: longPrompt(1_500),
      maxOutputTokens: 300,
      window,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ContextOverflowError);
    expect(error).toMatchObject({ reason: 'refused', server: kind, windowTokens: 1_000 });
    expect(window.state).toMatchObject({ tokens: 1_000, source: 'refusal', server: kind });
    expect(changes).toHaveLength(1);
  });

  it('is then fitted: the same prompt is refused by quire before it is sent', async () => {
    const { model } = await simOverHttp({ context: 1_000, server });
    const { window } = windowFor({ tokens: 1_000, source: 'config' });
    const error = await callText({ model, prompt: longPrompt(1_500), window }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ reason: 'tooLong', windowTokens: 1_000 });
  });
});

describe('an Ollama-like server that cuts an over-long prompt silently', () => {
  it('is caught by its prompt_tokens, and the window learns the size it cut to', async () => {
    const { model } = await simOverHttp({ context: 1_000, server: 'ollama' });
    const { window } = windowFor();
    const meter = new UsageMeter();
    const error = await callText({ model, prompt: longPrompt(2_500), window, meter }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ContextOverflowError);
    expect(error).toMatchObject({ reason: 'truncated', promptTokens: expect.any(Number) });
    const { promptTokens, sentTokens } = error as ContextOverflowError;
    expect(promptTokens).toBeLessThanOrEqual(1_000);
    expect(sentTokens).toBeGreaterThan(2_400);
    expect(window.state).toMatchObject({ source: 'truncation' });
    expect(window.state.tokens).toBeLessThanOrEqual(1_000);
    // The reply was paid for, though not used.
    expect(meter.totals().outputTokens).toBeGreaterThan(0);
  });

  it('passes a prompt that fits', async () => {
    const { model } = await simOverHttp({ context: 4_000, server: 'ollama' });
    const { window } = windowFor();
    const result = await callText({ model, prompt: longPrompt(1_500), window });
    expect(result.text.length).toBeGreaterThan(0);
    expect(window.state.source).toBe('assumed');
  });
});

describe('a llama.cpp-like server whose window ends mid-reply', () => {
  it('gets a reply limit that fits beside the prompt once the window is known', async () => {
    const { model } = await simOverHttp({ context: 1_000, server: 'llama-cpp' });
    const { window } = windowFor({ tokens: 1_000, source: 'llama.cpp /props' });
    const result = await callText({
      model,
      prompt: 'Write about 900 words on kelp.',
      maxOutputTokens: 2_000,
      window,
    });
    expect(result.finishReason).toBe('length');
    expect(result.usage.inputTokens + result.usage.outputTokens).toBeLessThanOrEqual(1_000);
  });
});
