import { describe, expect, it } from 'vitest';
import {
  ContextWindow,
  type ContextWindowState,
} from '../../../src/model/context/context-window.js';
import { refusalError, truncationError } from '../../../src/model/context/overflow-errors.js';
import { estimateCounter } from '../../../src/model/tokens/token-counter.js';
import type { CallUsage } from '../../../src/model/usage-meter.js';
import { contextRefusal } from '../../../src/sim/context-refusal.js';
import { openAiError } from '../../../src/sim/openai-error-body.js';
import { httpError, replyError } from '../../helpers/api-errors.js';

function windowOf(state: ContextWindowState) {
  return new ContextWindow({ state, counter: estimateCounter });
}

/** OpenAI's refusal of a 9,100-token prompt with a 1,000-token reply limit, in an 8,192 window. */
const openAiRefusal = replyError(
  contextRefusal({
    server: 'openai',
    contextTokens: 8_192,
    promptTokens: 9_100,
    maxOutputTokens: 1_000,
  }),
);

/** llama.cpp's older refusal, which names neither the window nor the prompt's size. */
const unsizedRefusal = replyError(
  openAiError({
    status: 400,
    message: 'the request exceeds the available context size, try increasing it',
  }),
);

/** `refusalError` for `error`, as a windowless gpt-4o call of 9,000 tokens would see it. */
function refuse(options: Partial<Parameters<typeof refusalError>[0]>) {
  return refusalError({
    error: openAiRefusal,
    window: undefined,
    modelId: 'gpt-4o',
    sentTokens: 9_000,
    outputTokens: undefined,
    ...options,
  });
}

describe('refusalError', () => {
  it("states the server's counts, the reply limit asked for, and how to widen the window", () => {
    const error = refuse({ outputTokens: 1_000 });
    expect(error).toMatchObject({
      reason: 'refused',
      server: 'openai',
      windowTokens: 8_192,
      promptTokens: 9_100,
      sentTokens: 9_000,
      outputTokens: 1_000,
      cause: openAiRefusal,
    });
    expect(error?.message).toBe(
      'gpt-4o refused a prompt of 9,100 tokens and a 1,000-token reply limit as too long for its context window of 8,192 tokens: shorten the request, or use a model with a larger context window.',
    );
  });

  it("takes the reply limit from the server's message when the request set none", () => {
    const error = refuse({});
    expect(error?.outputTokens).toBe(1_000);
    expect(error?.message).toBe(
      'gpt-4o refused a prompt of 9,100 tokens as too long for its context window of 8,192 tokens: shorten the request, or use a model with a larger context window.',
    );
  });

  it('teaches the window, and reports what it learned when the server named no size', () => {
    const window = windowOf({ tokens: 128_000, source: 'assumed' });
    const llama = { error: unsizedRefusal, modelId: 'llama3.1', sentTokens: 8_000 };
    const error = refuse({ ...llama, window });
    expect(window.state).toEqual({ tokens: 6_000, source: 'refusal', server: 'llama.cpp' });
    expect(error).toMatchObject({
      windowTokens: 6_000,
      promptTokens: undefined,
      sentTokens: 8_000,
    });
    expect(error?.message).toBe(
      'llama3.1 refused a prompt of 8,000 tokens as too long for its context window: shorten the request, or start llama.cpp with -c <n> and pass --context-tokens <n>.',
    );
    expect(refuse(llama)?.windowTokens).toBeUndefined();
  });

  it('leaves every other error alone', () => {
    const window = windowOf({ tokens: 128_000, source: 'assumed' });
    const notFromTheProvider = new Error("This model's maximum context length is 4096 tokens.");
    for (const error of [notFromTheProvider, httpError(429)]) {
      expect(refuse({ error, window, outputTokens: 10 })).toBeUndefined();
    }
    expect(window.state.source).toBe('assumed');
  });
});

describe('truncationError', () => {
  const usage = (inputTokens: number, estimated?: CallUsage['estimated']): CallUsage => ({
    inputTokens,
    outputTokens: 100,
    cachedInputTokens: 0,
    reasoningTokens: 0,
    ...(estimated === undefined ? {} : { estimated }),
  });
  const ollama = () => windowOf({ tokens: 4_096, source: 'ollama default', server: 'ollama' });

  it("says the server cut the prompt, with both counts and the server's own setting", () => {
    const window = ollama();
    const error = truncationError({
      window,
      modelId: 'llama3.1',
      sentTokens: 2_300,
      lowestRatio: 0.8,
      usage: usage(2_048),
    });
    expect(error).toMatchObject({
      reason: 'truncated',
      server: 'ollama',
      windowTokens: 2_048,
      promptTokens: 2_048,
      sentTokens: 2_300,
      usage: usage(2_048),
    });
    expect(error?.message).toBe(
      "llama3.1 counted 2,048 prompt tokens where quire sent about 2,300: the server cut the prompt to fit its context window, so its reply cannot be trusted; raise Ollama's num_ctx to <n> (OLLAMA_CONTEXT_LENGTH=<n> ollama serve, or PARAMETER num_ctx <n> in a Modelfile) and pass --context-tokens <n>.",
    );
  });

  it('trusts a whole prompt, and proves nothing from counts quire made itself', () => {
    const check = { modelId: 'llama3.1', sentTokens: 2_300, lowestRatio: 0.8 };
    expect(truncationError({ ...check, window: ollama(), usage: usage(2_290) })).toBeUndefined();
    expect(truncationError({ ...check, window: undefined, usage: usage(2_048) })).toBeUndefined();
    const estimated = usage(2_048, { calls: 1, tokenizer: 'quire-estimate' });
    const window = ollama();
    expect(truncationError({ ...check, window, usage: estimated })).toBeUndefined();
    expect(window.state.source).toBe('ollama default');
  });
});
