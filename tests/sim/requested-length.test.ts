import { describe, expect, it } from 'vitest';
import { findRequestedLength } from '../../src/sim/requested-length.js';

describe('findRequestedLength', () => {
  it.each([
    ['Write about 600 words on owls.', 600],
    ['An essay of 5000 words, please.', 5000],
    ['Write a 1,200-word guide.', 1200],
    ['A 10,000-word report on tides.', 10_000],
    ['Roughly 5k words on granite.', 5000],
    ['About 2 thousand words.', 2000],
    ['Between 800 and 1,000 words on moss.', 900],
    ['1,500–2,000-word chapter.', 1750],
    ['One word answer: 1 word.', 1],
  ])('reads words from %j', (text, count) => {
    expect(findRequestedLength(text)).toEqual({ count, unit: 'words' });
  });

  it.each([
    ['写一篇关于城市园林的文章，不少于4000字。', 4000],
    ['请写3000个汉字的故事', 3000],
    ['约1.5万字的报告', 15_000],
    ['写2千字', 2000],
  ])('reads characters from %j', (text, count) => {
    expect(findRequestedLength(text)).toEqual({ count, unit: 'characters' });
  });

  it('takes the last phrase when there are several', () => {
    const prompt =
      'The whole guide runs to 20,000 words across 25 sections.\nNow write section 4 in about 800 words.';
    expect(findRequestedLength(prompt)?.count).toBe(800);
  });

  it('finds nothing when no length is asked', () => {
    expect(findRequestedLength('Describe the 3 stages of a tide in detail.')).toBeUndefined();
    expect(findRequestedLength('Keywords: 5 keywords only')).toBeUndefined();
  });
});
