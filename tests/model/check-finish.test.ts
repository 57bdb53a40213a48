import { describe, expect, it } from 'vitest';
import { checkFinish } from '../../src/model/check-finish.js';
import { emptyUsage } from '../../src/model/usage-meter.js';
import { outputError, outputProblem } from '../helpers/output-problem.js';

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

  it('says how long a cut reply was, and keeps its start and its cost', () => {
    const usage = { ...emptyUsage, outputTokens: 90 };
    const text = 'word '.repeat(60);
    expect(
      outputError(() => checkFinish({ ...ending, text, finishReason: 'error', usage })),
    ).toMatchObject({
      message: 'the reply stream ended with an error after 300 characters',
      excerpt: text.slice(0, 200),
      usage,
    });
    expect(
      outputError(() => checkFinish({ ...ending, finishReason: 'content-filter', usage })),
    ).toMatchObject({
      message: 'the provider filtered the reply',
      excerpt: 'The answer.',
      usage,
    });
    expect(outputError(() => checkFinish({ ...ending, text: '', usage }))).toMatchObject({
      message: 'the reply had no text and no tool call',
      usage,
    });
  });

  it('takes a reply with only tool calls, or only text, and any other finish as a stop', () => {
    expect(checkFinish({ ...ending, text: '', toolCalls: 2 })).toBe('stop');
    expect(checkFinish({ ...ending, finishReason: 'unknown' })).toBe('stop');
  });
});
