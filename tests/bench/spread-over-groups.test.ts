import { describe, expect, it } from 'vitest';
import { spreadOverGroups } from '../../src/bench/spread-over-groups.js';

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

describe('spreadOverGroups', () => {
  it('deals the limit round-robin and takes each group’s share at even spacing', () => {
    expect(spreadOverGroups({ groups: [range(0, 10), range(100, 10)], limit: 4 })).toEqual([
      2, 7, 102, 107,
    ]);
    expect(spreadOverGroups({ groups: [range(0, 9), range(100, 9)], limit: 3 })).toEqual([
      2, 6, 104,
    ]);
  });

  it('passes a small group’s unused share to the others', () => {
    expect(spreadOverGroups({ groups: [[1], range(10, 6)], limit: 4 })).toEqual([1, 11, 13, 15]);
  });

  it('takes everything when the limit exceeds the items', () => {
    expect(spreadOverGroups({ groups: [[1, 2], [3]], limit: 10 })).toEqual([1, 2, 3]);
  });
});
