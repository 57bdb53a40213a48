import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors/usage-error.js';
import { checkRequestSize } from '../../src/task/check-request-size.js';

describe('checkRequestSize', () => {
  it('accepts a request up to half of the context budget', () => {
    // 4,000 characters are 1,000 estimated tokens: exactly half of 2,000.
    expect(() =>
      checkRequestSize({ request: 'a'.repeat(4_000), contextTokens: 2_000, setting: 'x' }),
    ).not.toThrow();
  });

  it('refuses a larger one, saying how large, what the limit is and which setting to raise', () => {
    let caught: unknown;
    try {
      checkRequestSize({
        request: 'a'.repeat(4_004),
        contextTokens: 2_000,
        setting: 'code.conversationTokens',
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UsageError);
    expect((caught as Error).message).toBe(
      "The request is about 1,001 tokens, more than half of code.conversationTokens (2,000): each step needs the other half for its instructions and the reply. Shorten it to at most 1,000 tokens (about 4,000 characters), or raise code.conversationTokens if the model's context window allows.",
    );
  });

  it('counts CJK characters one token each, as the context budget does', () => {
    expect(() =>
      checkRequestSize({
        request: '长'.repeat(1_001),
        contextTokens: 2_000,
        setting: 'code.conversationTokens',
        what: 'specification',
      }),
    ).toThrow(
      /^The specification is about 1,001 tokens, more than half of code\.conversationTokens/,
    );
  });
});
