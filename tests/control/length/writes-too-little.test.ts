import { describe, expect, it } from 'vitest';
import { writesTooLittle } from '../../../src/control/length/writes-too-little.js';
import { observeReply, startCapacity } from '../../../src/model/reply-capacity.js';
import { createStepSettings } from '../../helpers/builders.js';

describe('writesTooLittle', () => {
  const start = startCapacity({ previous: undefined, model: 'mock', configured: undefined });
  const short = [
    { asked: 900, written: 3 },
    { asked: 50, written: 3 },
  ].reduce((capacity, reply) => observeReply({ capacity, reply }), start);

  it('stops an adaptive run once two replies in a row fell under the minimum', () => {
    const settings = createStepSettings({ minWordsPerReply: 50 });
    expect(writesTooLittle({ settings, capacity: short })).toBe(true);
    expect(writesTooLittle({ settings, capacity: start })).toBe(false);
  });

  it('never stops a run with the fixed length policy', () => {
    const settings = createStepSettings({ lengthPolicy: 'fixed', minWordsPerReply: 50 });
    expect(writesTooLittle({ settings, capacity: short })).toBe(false);
  });
});
