import { describe, expect, it } from 'vitest';
import { retryEvent } from '../../src/control/run-events.js';

const retry = { attempt: 2, delayMs: 1_500, error: { summary: 'HTTP 429: slow down' } };

describe('retryEvent', () => {
  it('journals the attempt, the wait and the error’s summary', () => {
    expect(retryEvent({ retry })).toStrictEqual({
      type: 'call-retry',
      attempt: 2,
      delayMs: 1_500,
      error: 'HTTP 429: slow down',
    });
  });

  it('names the section whose call it was, when one made it', () => {
    expect(retryEvent({ retry, sectionId: 's004' })).toEqual({
      type: 'call-retry',
      sectionId: 's004',
      attempt: 2,
      delayMs: 1_500,
      error: 'HTTP 429: slow down',
    });
  });
});
