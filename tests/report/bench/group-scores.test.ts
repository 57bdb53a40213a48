import { describe, expect, it } from 'vitest';
import { groupScores } from '../../../src/report/bench/group-scores.js';

interface Bucket {
  group: string;
  lengthScore: number | null;
  qualityScore: number | null;
  items: number;
  judged: number;
}

const bucket = (group: string, overrides: Partial<Bucket> = {}): Bucket => ({
  group,
  lengthScore: 80,
  qualityScore: 70,
  items: 4,
  judged: 2,
  ...overrides,
});

describe('groupScores', () => {
  it('gives each group one score per measure that has a value, in the order given', () => {
    const scores = groupScores({
      mode: 'direct',
      groups: [bucket('[0, 500)'), bucket('[500, 2k)', { qualityScore: null, lengthScore: 55 })],
      measures: [
        { measure: 'S_l', score: (group) => group.lengthScore, items: (group) => group.items },
        { measure: 'S_q', score: (group) => group.qualityScore, items: (group) => group.judged },
      ],
    });
    expect(scores).toEqual([
      { group: '[0, 500)', mode: 'direct', measure: 'S_l', score: 80, items: 4 },
      { group: '[0, 500)', mode: 'direct', measure: 'S_q', score: 70, items: 2 },
      { group: '[500, 2k)', mode: 'direct', measure: 'S_l', score: 55, items: 4 },
    ]);
  });
});
