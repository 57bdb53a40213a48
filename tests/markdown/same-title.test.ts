import { describe, expect, it } from 'vitest';
import { sameTitle } from '../../src/markdown/same-title.js';

describe('sameTitle', () => {
  it.each([
    ['The Lamp Room', 'the lamp room'],
    ['**The Lamp Room**', 'The Lamp Room'],
    ['Section 3: The Lamp Room', 'The Lamp Room'],
    ['3. The Keeper’s Log:', "The Keeper's Log"],
    ['Part 1', 'Part 1'],
    ['第三部分：灯塔的起源', '灯塔的起源'],
  ])('%j says the same as %j', (heading, title) => {
    expect(sameTitle(heading, title)).toBe(true);
  });

  it.each([
    ['Part 2', 'Part 1'],
    ['The Lamp', 'The Lamp Room'],
    ['', ''],
  ])('%j is not %j', (heading, title) => {
    expect(sameTitle(heading, title)).toBe(false);
  });
});
