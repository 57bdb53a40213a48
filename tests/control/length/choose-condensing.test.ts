import { describe, expect, it } from 'vitest';
import { chooseCondensing } from '../../../src/control/length/choose-condensing.js';

const gate = { target: 900, ceilingWords: 1_080, keepShare: 0.925 };

describe('chooseCondensing', () => {
  it('picks nothing when the document is within the ceiling', () => {
    expect(
      chooseCondensing({ ...gate, counts: [400, 340, 340], budgets: [300, 300, 300] }),
    ).toEqual([]);
  });

  it('condenses the section furthest over its budget first, only as far as the target needs', () => {
    expect(
      chooseCondensing({ ...gate, counts: [600, 330, 320], budgets: [300, 300, 300] }),
    ).toEqual([
      { index: 0, words: 600, asked: 300 },
      { index: 1, words: 330, asked: 300 },
      { index: 2, words: 320, asked: 300 },
    ]);
    expect(
      chooseCondensing({ ...gate, counts: [300, 800, 300], budgets: [300, 300, 300] }),
    ).toEqual([{ index: 1, words: 800, asked: 300 }]);
  });

  it('goes under budget, never under the kept share, when a section is left alone', () => {
    const picks = chooseCondensing({
      ...gate,
      counts: [900, 320, 320],
      budgets: [300, 300, 300],
      skip: new Set([0]),
    });
    // 278 is the least a 300-word section is asked to keep (0.925 × 300, rounded up).
    expect(picks).toEqual([
      { index: 1, words: 320, asked: 278 },
      { index: 2, words: 320, asked: 278 },
    ]);
  });

  it('picks nothing when every section that could lose words is left alone', () => {
    expect(
      chooseCondensing({
        ...gate,
        counts: [1_200, 300],
        budgets: [450, 450],
        skip: new Set([0, 1]),
      }),
    ).toEqual([]);
  });
});
