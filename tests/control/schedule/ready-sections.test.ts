import { describe, expect, it } from 'vitest';
import { dependencyOf, readySections } from '../../../src/control/schedule/ready-sections.js';
import { createPlan } from '../../helpers/builders.js';

const constraint = (id: string) => ({ id, text: `event ${id}` });
const none = new Set<number>();

describe('readySections', () => {
  it('starts independent sections in plan order, as many as there are slots', () => {
    const plan = createPlan({ count: 5 });
    expect(readySections({ plan, finished: none, running: none, slots: 3 })).toEqual([0, 1, 2]);
    expect(
      readySections({ plan, finished: new Set([0]), running: new Set([1, 2]), slots: 2 }),
    ).toEqual([3, 4]);
  });

  it('gives nothing when no slot is free or everything is done or running', () => {
    const plan = createPlan({ count: 3 });
    expect(readySections({ plan, finished: none, running: none, slots: 0 })).toEqual([]);
    expect(
      readySections({ plan, finished: new Set([0, 1]), running: new Set([2]), slots: 4 }),
    ).toEqual([]);
  });

  it('holds a section marked as depending on an earlier one until that one is finished', () => {
    const plan = createPlan({ count: 4, sections: [{}, {}, { dependsOn: 's001' }] });
    expect(readySections({ plan, finished: none, running: none, slots: 4 })).toEqual([0, 1, 3]);
    expect(
      readySections({ plan, finished: new Set([0]), running: new Set([1, 3]), slots: 4 }),
    ).toEqual([2]);
  });

  it('chains segments with constraints in order, while unconstrained segments run freely', () => {
    const plan = createPlan({
      count: 4,
      sections: [
        { segment: 1, constraints: [constraint('c1')] },
        { segment: 2 },
        { segment: 3, constraints: [constraint('c3')] },
        { segment: 4, constraints: [constraint('c4')] },
      ],
    });
    expect(readySections({ plan, finished: none, running: none, slots: 4 })).toEqual([0, 1]);
    expect(
      readySections({ plan, finished: new Set([0]), running: new Set([1]), slots: 4 }),
    ).toEqual([2]);
    expect(readySections({ plan, finished: new Set([0, 2]), running: none, slots: 4 })).toEqual([
      1, 3,
    ]);
  });

  it('drafts continuation parts alongside the part they continue', () => {
    const plan = createPlan({ count: 3, sections: [{}, { continuation: true }] });
    expect(dependencyOf({ plan, index: 1 })).toBeUndefined();
    expect(readySections({ plan, finished: none, running: none, slots: 3 })).toEqual([0, 1, 2]);
  });

  it('ignores a dependency on a later or unknown section', () => {
    const plan = createPlan({ count: 3, sections: [{ dependsOn: 's003' }, { dependsOn: 'nope' }] });
    expect(dependencyOf({ plan, index: 0 })).toBeUndefined();
    expect(dependencyOf({ plan, index: 1 })).toBeUndefined();
  });

  it('starts the largest sections first when asked, plan order among equals', () => {
    const plan = createPlan({
      count: 4,
      sections: [{ words: 300 }, { words: 900 }, { words: 300 }, { words: 600 }],
    });
    expect(readySections({ plan, finished: none, running: none, slots: 3 })).toEqual([0, 1, 2]);
    expect(
      readySections({ plan, finished: none, running: none, slots: 3, longestFirst: true }),
    ).toEqual([1, 3, 0]);
  });
});
