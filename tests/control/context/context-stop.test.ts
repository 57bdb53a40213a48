import { describe, expect, it } from 'vitest';
import { contextStopError, overflowFinding } from '../../../src/control/context/context-stop.js';
import { ContextBudgetError } from '../../../src/errors/context-budget-error.js';
import { ContextOverflowError } from '../../../src/errors/context-overflow-error.js';

function overflow(
  overrides: Partial<ConstructorParameters<typeof ContextOverflowError>[0]> = {},
): ContextOverflowError {
  return new ContextOverflowError({
    message: 'did not fit',
    reason: 'refused',
    server: 'llama.cpp',
    windowTokens: 8_192,
    promptTokens: 9_100,
    sentTokens: 9_000,
    outputTokens: 1_200,
    ...overrides,
  });
}

describe('overflowFinding', () => {
  it('says the server refused the prompt, and the window the section was rewritten for', () => {
    expect(overflowFinding({ error: overflow(), sectionId: 's003' })).toEqual({
      evaluator: 'check',
      ruleId: 'context/window-exceeded',
      severity: 'warning',
      message:
        'the server refused the prompt as longer than its context window of 8,192 tokens; the section was rewritten with a prompt shrunk to fit the 8,192-token window',
      location: { section: 's003' },
    });
  });

  it('names a silently cut prompt with the tokens counted and sent', () => {
    const finding = overflowFinding({
      error: overflow({ reason: 'truncated', promptTokens: 2_048 }),
      sectionId: 's001',
    });
    expect(finding.ruleId).toBe('context/prompt-truncated');
    expect(finding.message).toBe(
      'the server cut the prompt silently (it counted 2,048 prompt tokens where about 9,000 were sent); the section was rewritten with a prompt shrunk to fit the 8,192-token window',
    );
  });

  it('words a prompt quire did not send, and a window it does not know', () => {
    const finding = overflowFinding({
      error: overflow({ reason: 'tooLong', windowTokens: undefined }),
      sectionId: 's001',
    });
    expect(finding.ruleId).toBe('context/window-exceeded');
    expect(finding.message).toBe(
      'the prompt did not fit the context window; the section was rewritten with a prompt shrunk to fit the window',
    );
    expect(
      overflowFinding({ error: overflow({ windowTokens: undefined }), sectionId: 's001' }).message,
    ).toMatch(/^the server refused the prompt as longer than its context window;/);
  });
});

describe('contextStopError', () => {
  it('gives the numbers and the server setting that fixes a refusal', () => {
    const error = overflow();
    const stop = contextStopError({ error, step: 'section 3' });
    expect(stop).toBeInstanceOf(ContextBudgetError);
    expect(stop.message).toBe(
      'Section 3 still does not fit after quire shrank it: about 9,000 prompt tokens and a 1,200-token reply limit against a 8,192-token context window: start llama.cpp with -c 10200 or more and pass --context-tokens 10200, or shorten the request.',
    );
    expect(stop).toMatchObject({ tokens: 9_000, budget: 8_192, outputTokens: 1_200 });
    expect(stop.cause).toBe(error);
  });

  it('says the server still cut the prompt, and a window it does not know', () => {
    const stop = contextStopError({
      error: overflow({
        reason: 'truncated',
        promptTokens: 2_048,
        windowTokens: undefined,
        outputTokens: undefined,
      }),
      step: 'the plan',
    });
    expect(stop.message).toBe(
      'The server still cut the prompt of the plan after quire shrank it (it counted 2,048 of about 9,000 prompt tokens; window unknown): start llama.cpp with -c 9000 or more and pass --context-tokens 9000, or shorten the request.',
    );
    expect(stop).toMatchObject({ budget: 0, outputTokens: undefined });
  });

  it('formats the learned window of a cut prompt like the other counts', () => {
    const stop = contextStopError({
      error: overflow({ reason: 'truncated', promptTokens: 8_192, windowTokens: 16_384 }),
      step: 'section 12',
    });
    expect(stop.message).toContain(
      '(it counted 8,192 of about 9,000 prompt tokens; window 16,384 tokens): start llama.cpp with -c 10200',
    );
    expect(stop).toMatchObject({ tokens: 9_000, budget: 16_384, outputTokens: 1_200 });
  });

  it('measures a refusal of no known window and no reply limit against a smaller window', () => {
    const stop = contextStopError({
      error: overflow({ windowTokens: undefined, outputTokens: undefined }),
      step: 'the plan',
    });
    expect(stop.message).toMatch(
      /^The plan still does not fit after quire shrank it: about 9,000 prompt tokens and a 0-token reply limit against a smaller context window:/,
    );
  });
});
