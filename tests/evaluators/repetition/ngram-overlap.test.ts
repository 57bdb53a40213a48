import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../../src/errors/invalid-option-error.js';
import { ngramOverlap } from '../../../src/evaluators/repetition/ngram-overlap.js';

describe('ngramOverlap', () => {
  it('is the share of the text’s n-grams found in earlier texts', () => {
    const previous = ['The old mill stood by the river for a century.'];
    // 8 trigrams; "the old mill", "old mill stood", "mill stood by", "stood by the" are shared.
    const text = 'The old mill stood by the gate and then fell.';
    expect(ngramOverlap({ text, previous, n: 3 })).toBeCloseTo(4 / 8, 10);
  });

  it('is 1 for a repeated text, 0 for a new one or one too short to have n-grams', () => {
    const section = 'Every harbor keeps a ledger of the ships that leave at dawn.';
    expect(ngramOverlap({ text: section, previous: ['intro', section] })).toBe(1);
    expect(
      ngramOverlap({
        text: 'Entirely different words are written here today.',
        previous: [section],
      }),
    ).toBe(0);
    expect(ngramOverlap({ text: 'too short', previous: [section] })).toBe(0);
  });

  it('keeps the words of an n-gram apart', () => {
    expect(ngramOverlap({ text: 'fire place', previous: ['fir eplace'], n: 2 })).toBe(0);
  });

  it('ignores case and punctuation, and works on CJK characters', () => {
    expect(ngramOverlap({ text: 'THE OLD, MILL!', previous: ['the old mill'], n: 3 })).toBe(1);
    // 4-grams 我们今天, 们今天去 of 我们今天, 们今天去, 今天去公, 天去公园 were written before.
    expect(ngramOverlap({ text: '我们今天去公园', previous: ['昨天我们今天去'], n: 4 })).toBe(0.5);
  });

  it('refuses an n below 1 or a fraction, and takes single words at 1', () => {
    expect(() => ngramOverlap({ text: 'a', previous: [], n: 0 })).toThrow(InvalidOptionError);
    expect(() => ngramOverlap({ text: 'a', previous: [], n: 2.5 })).toThrow(
      'Option "n" must be a whole number of at least 1, got 2.5.',
    );
    expect(ngramOverlap({ text: 'one two three', previous: ['three four'], n: 1 })).toBeCloseTo(
      1 / 3,
      10,
    );
  });
});
