import { describe, expect, it } from 'vitest';
import { divideAfterDraft } from '../../../src/control/length/divide-after-draft.js';
import { startCapacity } from '../../../src/model/reply-capacity.js';
import { createPlan } from '../../helpers/builders.js';

/** A capacity of a model configured to write `words` per reply, with a floor when given. */
const capacity = (words: number | undefined, floor?: number) => ({
  ...startCapacity({ previous: undefined, model: 'mock', configured: words }),
  ...(floor === undefined ? {} : { floor }),
});

/** Section 2 (budget 1,000) drafted at `drafted` words by a model of `perReply` words a reply. */
function divide({
  drafted = 400,
  perReply = 400,
  budget = 1_000,
  minWordsPerReply = 50,
  floor,
}: {
  drafted?: number;
  /** Words per reply configured; 0 for a model not yet measured nor configured. */
  perReply?: number;
  budget?: number;
  minWordsPerReply?: number;
  /** The least the model writes per reply, when learned. */
  floor?: number;
} = {}) {
  return divideAfterDraft({
    plan: createPlan({ count: 3, words: budget }),
    index: 1,
    drafted,
    capacity: capacity(perReply === 0 ? undefined : perReply, floor),
    tolerance: 0.15,
    minWordsPerReply,
  });
}

describe('divideAfterDraft', () => {
  it('keeps a short draft as the first part and divides the rest of its budget', () => {
    const divided = divide();
    expect(divided?.reason).toBe('capacity');
    const parts = divided!.plan.sections.filter((section) => section.title === 'Section 2');
    expect(parts[0]!.words).toBe(400);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.slice(1).every((part) => part.continuation && part.words <= 400)).toBe(true);
    expect(parts.reduce((sum, part) => sum + part.words, 0)).toBe(1_000);
  });

  it('changes nothing when the draft is within tolerance of its budget', () => {
    expect(divide({ drafted: 850 })).toBeUndefined();
    expect(divide({ drafted: 849 })).toBeDefined();
  });

  it('changes nothing when the budget fits one reply', () => {
    expect(divide({ perReply: 1_000 })).toBeUndefined();
    expect(divide({ perReply: 999, drafted: 600 })).toBeDefined();
  });

  it('changes nothing before the model was measured, or when it writes too little to divide for', () => {
    expect(divide({ perReply: 0 })).toBeUndefined();
    expect(divide({ perReply: 40, drafted: 40 })).toBeUndefined();
    expect(divide({ perReply: 50, drafted: 50 })).toBeDefined();
  });

  it('divides the rest into parts no smaller than the floor of a model that has one', () => {
    const divided = divide({ drafted: 300, perReply: 300, floor: 280 });
    const parts = divided!.plan.sections.filter((section) => section.title === 'Section 2');
    expect(parts.map((part) => part.words)).toEqual([300, 350, 350]);
  });

  it('keeps the draft as the whole section when the rest is below the floor, its words left to the rebalance', () => {
    const divided = divide({ drafted: 300, perReply: 300, budget: 450, floor: 280 });
    expect(divided?.reason).toBe('floor');
    expect(divided!.plan.sections.map((section) => section.words)).toEqual([450, 300, 450]);
    // With the same rest above the floor, the section is divided.
    expect(divide({ drafted: 300, perReply: 300, budget: 450, floor: 150 })?.reason).toBe(
      'capacity',
    );
  });
});
