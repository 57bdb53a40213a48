import { describe, expect, it } from 'vitest';
import { nextRepair } from '../../../src/control/length/next-repair.js';
import { createStepSettings } from '../../helpers/builders.js';

/** The state of a section before its next repair; override what the test is about. */
function next(overrides: Partial<Parameters<typeof nextRepair>[0]> = {}) {
  return nextRepair({
    action: 'expand',
    settings: createStepSettings(),
    repairs: 0,
    rewrites: 0,
    calls: 1,
    words: 300,
    budget: 500,
    wordsPerReply: 150,
    last: undefined,
    budgetStop: undefined,
    ...overrides,
  });
}

describe('nextRepair', () => {
  it('makes up to repairAttempts repairs of any kind under the fixed policy, budget or not', () => {
    const fixed = createStepSettings({ lengthPolicy: 'fixed', repairAttempts: 2 });
    expect(next({ settings: fixed, repairs: 1, budgetStop: 'spent' })).toEqual({
      action: 'expand',
      words: undefined,
    });
    expect(next({ settings: fixed, repairs: 2 })).toEqual({
      stop: 'the 2 repair attempts (write.repairAttempts) are used',
    });
  });

  it('stops any adaptive repair when the run budget forbids another call', () => {
    expect(next({ budgetStop: 'the token budget is spent' })).toEqual({
      stop: 'the token budget is spent',
    });
  });

  it('bounds rewrites by repairAttempts and by the calls of the section', () => {
    expect(next({ action: 'rewrite', rewrites: 1 })).toEqual({ action: 'rewrite', words: 500 });
    expect(next({ action: 'rewrite', rewrites: 2 })).toEqual({
      stop: 'the 2 rewrites (write.repairAttempts) are used',
    });
    expect(next({ action: 'rewrite', calls: 11 })).toEqual({ action: 'rewrite', words: 500 });
    expect(next({ action: 'rewrite', calls: 12 })).toEqual({
      stop: 'the section used its 12 calls',
    });
  });

  it('asks a length repair for what one reply can add, or stops it as the policy says', () => {
    expect(next({})).toMatchObject({ action: 'expand', words: 150 });
    expect(next({ action: 'condense', words: 700 })).toMatchObject({
      action: 'condense',
      words: 500,
    });
    expect(next({ calls: 12 })).toEqual({
      stop: 'the section used its 12 calls (write.maxCallsPerSection)',
    });
  });
});
