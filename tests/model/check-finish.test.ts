import { describe, expect, it } from 'vitest';
import { ModelOutputError } from '../../src/errors/model-output-error.js';
import { checkFinish } from '../../src/model/check-finish.js';
import { emptyUsage } from '../../src/model/usage-meter.js';

const ending = { finishReason: 'stop', text: 'The answer.', toolCalls: 0, usage: emptyUsage };

function problemOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return error instanceof ModelOutputError ? error.problem : 'other';
  }
  return undefined;
}

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
      expect(problemOf(() => checkFinish({ ...ending, finishReason }))).toBe('streamError');
    }
  });

  it('refuses a filtered reply and one with neither text nor a tool call', () => {
    expect(problemOf(() => checkFinish({ ...ending, finishReason: 'content-filter' }))).toBe(
      'contentFilter',
    );
    expect(problemOf(() => checkFinish({ ...ending, text: '  \n' }))).toBe('empty');
  });
});
