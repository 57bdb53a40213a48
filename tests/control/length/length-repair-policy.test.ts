import { describe, expect, it } from 'vitest';
import { decideLengthRepair } from '../../../src/control/length/length-repair-policy.js';

const limits = { maxCallsPerSection: 12, minWordsPerReply: 50, minProgress: 0.25 };
const decide = (overrides: Partial<Parameters<typeof decideLengthRepair>[0]> = {}) =>
  decideLengthRepair({
    action: 'expand',
    words: 200,
    budget: 1_000,
    wordsPerReply: undefined,
    last: undefined,
    callsUsed: 1,
    limits,
    ...overrides,
  });

describe('decideLengthRepair', () => {
  it('asks for what is missing, but no more than one reply holds and no less than the minimum', () => {
    expect(decide()).toEqual({ kind: 'repair', action: 'expand', words: 800 });
    expect(decide({ wordsPerReply: 120 })).toEqual({
      kind: 'repair',
      action: 'expand',
      words: 120,
    });
    expect(decide({ words: 980 })).toEqual({ kind: 'repair', action: 'expand', words: 50 });
    expect(decide({ wordsPerReply: 3 })).toEqual({ kind: 'repair', action: 'expand', words: 50 });
  });

  it('goes on while each attempt achieves a meaningful share of what it could', () => {
    const last = { action: 'expand' as const, before: 80, after: 200, asked: 120 };
    expect(decide({ wordsPerReply: 120, last })).toMatchObject({ kind: 'repair', words: 120 });
  });

  it('stops at once when an attempt adds (almost) nothing', () => {
    const last = { action: 'expand' as const, before: 190, after: 200, asked: 120 };
    expect(decide({ wordsPerReply: 120, last })).toEqual({
      kind: 'stop',
      reason: 'no-progress',
      message: 'the last expand added 10 words (8% of what it could, under 25%)',
    });
  });

  it('judges a condensing by the share of the excess it removed, and asks for the budget', () => {
    expect(decide({ action: 'condense', words: 1_500 })).toEqual({
      kind: 'repair',
      action: 'condense',
      words: 1_000,
    });
    const last = { action: 'condense' as const, before: 1_500, after: 1_480, asked: 1_000 };
    expect(decide({ action: 'condense', words: 1_480, last })).toMatchObject({
      kind: 'stop',
      reason: 'no-progress',
    });
  });

  it('never goes past the calls a section may use', () => {
    expect(decide({ callsUsed: 12 })).toMatchObject({ kind: 'stop', reason: 'call-cap' });
  });
});
