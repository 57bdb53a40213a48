import { describe, expect, it } from 'vitest';
import { runCap, stepCap } from '../../../src/code/agent/step-cap.js';

describe('stepCap', () => {
  const settings = { maxTurns: 10, maxStepTokens: 5_000 };
  it.each([
    [{ turns: 3, spentTokens: 100, runTokensLeft: undefined }, undefined],
    [{ turns: 10, spentTokens: 100, runTokensLeft: undefined }, 'maxTurns'],
    [{ turns: 3, spentTokens: 5_000, runTokensLeft: undefined }, 'stepTokens'],
    [{ turns: 3, spentTokens: 300, runTokensLeft: 300 }, 'runTokens'],
  ])('%o → %s', (state, reason) => {
    expect(stepCap({ ...state, settings })?.reason).toBe(reason);
  });
});

describe('runCap', () => {
  it('stops starting steps at the step cap, then at the token cap', () => {
    expect(
      runCap({ stepsRun: 2, spentTokens: 10, settings: { maxSteps: 3, maxTokens: undefined } }),
    ).toBeUndefined();
    expect(
      runCap({ stepsRun: 3, spentTokens: 10, settings: { maxSteps: 3, maxTokens: 5 } }),
    ).toEqual({ reason: 'maxSteps', message: 'the run had used its 3 steps' });
    expect(
      runCap({ stepsRun: 1, spentTokens: 900, settings: { maxSteps: 3, maxTokens: 900 } }),
    ).toEqual({ reason: 'runTokens', message: 'the run had used 900 of its 900 tokens' });
  });
});
