import { describe, expect, it } from 'vitest';
import { partCounts, splitOversized } from '../../src/planner/split-oversized.js';
import type { WorkingSection } from '../../src/planner/working-section.js';

/** Working sections of the given budgets. */
function sections(words: number[]): WorkingSection[] {
  return words.map((each, index) => ({
    title: `Part ${index + 1}`,
    brief: `The point of part ${index + 1}.`,
    words: each,
    origins: [index],
  }));
}

describe('splitOversized', () => {
  it('splits a section over the cap into equal parts, drafted one by one', () => {
    const { sections: split } = splitOversized({ sections: sections([20_000]), maxWords: 1_200 });
    expect(split).toHaveLength(17);
    expect(split.slice(1).every((section) => section.continuation)).toBe(true);
  });

  it('splits into whole waves of the sections drafted at once, in equal parts', () => {
    const { sections: split, findings } = splitOversized({
      sections: sections([20_000]),
      maxWords: 1_200,
      parallel: 8,
    });
    expect(split).toHaveLength(24);
    const budgets = split.map((section) => section.words);
    expect(Math.max(...budgets) - Math.min(...budgets)).toBeLessThanOrEqual(1);
    expect(budgets.reduce((sum, each) => sum + each, 0)).toBe(20_000);
    expect(findings[0]!.message).toContain('24 parts');
  });
});

describe('partCounts', () => {
  it('gives the next part to the section whose parts are largest, up to a whole wave', () => {
    expect(partCounts({ words: [2_400, 1_200, 1_200], maxWords: 1_200, parallel: 6 })).toEqual([
      3, 2, 1,
    ]);
  });

  it('never splits a section below half the cap to fill a wave', () => {
    expect(partCounts({ words: [600, 600, 600], maxWords: 1_200, parallel: 8 })).toEqual([1, 1, 1]);
  });

  it('leaves the counts as the cap makes them when drafting one by one', () => {
    expect(partCounts({ words: [2_500, 500], maxWords: 1_200, parallel: 1 })).toEqual([3, 1]);
  });
});
