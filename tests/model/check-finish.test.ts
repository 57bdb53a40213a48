import { describe, expect, it } from 'vitest';
import { checkFinish } from '../../src/model/check-finish.js';
import { emptyUsage } from '../../src/model/usage-meter.js';
import { outputProblem } from '../helpers/output-problem.js';

const ending = { finishReason: 'stop', text: 'The answer.', toolCalls: 0, usage: emptyUsage };

describe('checkFinish', () => {
  it('passes on the finish reasons a caller acts on', () => {
    expect(checkFinish(ending)).toBe('stop');
    expect(checkFinish({ ...ending, finishReason: 'length' })).toBe('length');
    expect(checkFinish({ ...ending, text: '', finishReason: 'tool-calls', toolCalls: 1 })).toBe(
      'tool-calls',
    );
  });

  it('treats a stream that ended without a proper finish reason as cut', () => {
    for (const finishReason of [undefined, 'error', 'other']) {
      expect(outputProblem(() => checkFinish({ ...ending, finishReason }))).toBe('streamError');
    }
  });

  it('refuses a filtered reply and one with neither text nor a tool call', () => {
    expect(outputProblem(() => checkFinish({ ...ending, finishReason: 'content-filter' }))).toBe(
      'contentFilter',
    );
    expect(outputProblem(() => checkFinish({ ...ending, text: '  \n' }))).toBe('empty');
  });
});
