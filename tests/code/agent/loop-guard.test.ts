import { describe, expect, it } from 'vitest';
import {
  initialLoopGuardState,
  type LoopGuardState,
  observeToolCall,
  temperatureFor,
  toolCallSignature,
} from '../../../src/code/agent/loop-guard.js';

describe('loop guard', () => {
  it('counts identical calls in a row regardless of key order, and resets on any other call', () => {
    const a = toolCallSignature({
      toolName: 'read_files',
      input: { paths: ['a.js'], extra: { x: 1, y: 2 } },
    });
    const sameA = toolCallSignature({
      toolName: 'read_files',
      input: { extra: { y: 2, x: 1 }, paths: ['a.js'] },
    });
    const b = toolCallSignature({ toolName: 'read_files', input: { paths: ['b.js'] } });
    expect(sameA).toBe(a);
    let state: LoopGuardState = initialLoopGuardState;
    const actions = [a, sameA, a, b, a, a, a, a, a, a].map((signature) => {
      const observed = observeToolCall({ state, signature, repeatLimit: 3 });
      state = observed.state;
      return observed.action;
    });
    expect(actions).toEqual([
      'none',
      'none',
      'nudge',
      'none',
      'none',
      'none',
      'nudge',
      'nudge',
      'nudge',
      'stop',
    ]);
    expect(state.nudges).toBe(4);
  });

  it('raises the temperature per nudge, up to a ceiling', () => {
    expect(temperatureFor({ base: undefined, nudges: 0 })).toBeUndefined();
    expect(temperatureFor({ base: 0, nudges: 0 })).toBe(0);
    expect(temperatureFor({ base: undefined, nudges: 1 })).toBe(0.6);
    expect(temperatureFor({ base: 0.7, nudges: 5 })).toBe(1.2);
  });
});
