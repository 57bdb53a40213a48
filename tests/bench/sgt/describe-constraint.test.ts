import { describe, expect, it } from 'vitest';
import { describeConstraint } from '../../../src/bench/sgt/describe-constraint.js';
import { scenarioPrompt } from '../../../src/bench/sgt/scenario-prompt.js';
import { sgtCheckSets } from '../../../src/bench/sgt/sgt-check-sets.js';

describe('describeConstraint', () => {
  it.each([
    [{ type: 'once', segment: 5, event: 'a kite festival' }, 'Week', 'Week 5: a kite festival'],
    [{ type: 'range', start: 8, end: 11, event: 'choir' }, 'Week', 'Weeks 8 to 11: choir'],
    [
      { type: 'range', start: 3, end: 24, every: 7, event: 'a canal' },
      'Block',
      'Blocks 3 to 24, every 7th one: a canal',
    ],
    [
      { type: 'range', start: 2, end: 22, every: 2, event: 'x' },
      'Floor',
      'Floors 2 to 22, every 2nd one: x',
    ],
    [
      { type: 'periodic', start: 3, every: 4, event: 'a call home' },
      'Day',
      'Every 4 days starting with Day 3: a call home',
    ],
    [
      { type: 'periodic', start: 1, every: 11, end: 40, event: 'a gym' },
      'Floor',
      'Every 11 floors starting with Floor 1 up to Floor 40: a gym',
    ],
  ] as const)('%j in %s', (constraint, unit, expected) => {
    expect(describeConstraint({ constraint, unit })).toBe(expected);
  });
});

describe('scenarioPrompt', () => {
  it('states the heading format, the minimum, and each constraint "only there"', () => {
    const prompt = scenarioPrompt({
      opening: 'Write a diary.',
      unit: 'Week',
      segments: 10,
      minWords: 100,
      constraints: [{ type: 'once', segment: 2, event: 'a storm' }],
      closing: 'Stay consistent.',
    });
    expect(prompt).toBe(
      [
        'Write a diary.',
        '',
        'Write one entry for each week from Week 1 to Week 10, in order. Start every entry on its own line with a heading of the form "## Week N" and write at least 100 words under it.',
        '',
        'The entries must mention each of the following in the weeks given, and only there:',
        '- Week 2: a storm',
        '',
        'Stay consistent.',
      ].join('\n'),
    );
  });
});

describe('sgtCheckSets', () => {
  it('expands constraints per type into segment → events, listing two events on one segment', () => {
    const sets = sgtCheckSets({
      segments: 10,
      constraints: [
        { type: 'once', segment: 4, event: 'a' },
        { type: 'periodic', start: 2, every: 4, event: 'b' },
        { type: 'periodic', start: 6, every: 5, event: 'c' },
        { type: 'range', start: 9, end: 10, event: 'd' },
      ],
    });
    expect(sets).toEqual({
      once: { '4': ['a'] },
      range: { '9': ['d'], '10': ['d'] },
      periodic: { '2': ['b'], '6': ['b', 'c'], '10': ['b'] },
    });
  });
});
