import { describe, expect, it } from 'vitest';
import { checkRequestFits } from '../../../src/control/context/check-request-fits.js';
import { sectionWordsThatFit } from '../../../src/control/context/section-words-that-fit.js';
import { UsageError } from '../../../src/errors/usage-error.js';
import {
  ContextWindow,
  type ContextWindowState,
} from '../../../src/model/context/context-window.js';
import { estimateCounter } from '../../../src/model/tokens/token-counter.js';

const windowOf = (state: ContextWindowState) =>
  new ContextWindow({ state, counter: estimateCounter });

describe('checkRequestFits', () => {
  it('accepts a request up to half of what quire fits into the window', () => {
    const window = windowOf({ tokens: 2_048, source: 'config' });
    expect(() => checkRequestFits({ request: 'a'.repeat(3_888), window })).not.toThrow();
  });

  it('refuses a larger one with the numbers, where the window came from, and the fix', () => {
    const window = windowOf({ tokens: 2_048, source: 'llama.cpp /props', server: 'llama.cpp' });
    let caught: unknown;
    try {
      checkRequestFits({ request: 'a'.repeat(10_000), window });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UsageError);
    expect((caught as Error).message).toBe(
      "The request is about 2,500 tokens, more than half of the model's 2,048-token context window (read from llama.cpp /props): each step needs the other half for its instructions and the reply. Shorten it to at most 972 tokens (about 3,888 characters), or start llama.cpp with -c 6144 or more and pass --context-tokens 6144.",
    );
  });

  it("names Ollama's num_ctx when the window was learned from a cut prompt", () => {
    const window = windowOf({ tokens: 2_048, source: 'truncation', server: 'ollama' });
    expect(() => checkRequestFits({ request: 'a'.repeat(10_000), window })).toThrow(
      /\(learned from a truncation\).*raise Ollama's num_ctx to 6144 or more \(OLLAMA_CONTEXT_LENGTH=6144/,
    );
  });

  it('says where the window came from: the setting, a refusal, an assumption', () => {
    const sourceOf = (source: ContextWindowState['source']) => {
      const window = windowOf({ tokens: 2_048, source });
      return () => checkRequestFits({ request: 'a'.repeat(10_000), window });
    };
    expect(sourceOf('config')).toThrow('2,048-token context window (model.contextTokens):');
    expect(sourceOf('refusal')).toThrow('2,048-token context window (learned from a refusal):');
    expect(sourceOf('assumed')).toThrow('2,048-token context window (assumed):');
  });
});

describe('sectionWordsThatFit', () => {
  const sizes = { maxSectionWords: 1_200, minSectionWords: 150 };

  it('keeps the configured size when the window is large', () => {
    const window = windowOf({ tokens: 128_000, source: 'assumed' });
    expect(sectionWordsThatFit({ window, request: 'Write a guide.', ...sizes })).toBe(1_200);
    expect(sectionWordsThatFit({ window: undefined, request: 'x', ...sizes })).toBe(1_200);
  });

  it('plans sections one reply can hold beside the request in a small window', () => {
    const request = 'a'.repeat(3_000);
    const medium = windowOf({ tokens: 4_096, source: 'llama.cpp /props' });
    expect(sectionWordsThatFit({ window: medium, request, ...sizes })).toBe(
      Math.floor((3_891 - 750 - 700) / 2.5),
    );
    // Never below twice the smallest section: continuations finish what one reply cannot.
    const small = windowOf({ tokens: 2_048, source: 'llama.cpp /props' });
    expect(sectionWordsThatFit({ window: small, request, ...sizes })).toBe(300);
  });

  it("leaves room in the window for a reasoning model's thinking", () => {
    const window = windowOf({ tokens: 6_144, source: 'config' });
    const request = 'a'.repeat(3_000);
    expect(sectionWordsThatFit({ window, request, ...sizes })).toBe(1_200);
    expect(sectionWordsThatFit({ window, request, thinkingTokens: 2_000, ...sizes })).toBe(
      Math.floor((5_836 - 750 - 700 - 2_000) / 2.5),
    );
  });
});
