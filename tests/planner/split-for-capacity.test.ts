import { describe, expect, it } from 'vitest';
import { partBrief, sectionBrief } from '../../src/planner/part-brief.js';
import { splitForCapacity } from '../../src/planner/split-for-capacity.js';
import { createPlan } from '../helpers/builders.js';

const shape = (plan: ReturnType<typeof createPlan>) =>
  plan.sections.map((section) => [section.id, section.words, section.continuation === true]);

describe('splitForCapacity', () => {
  it('leaves a plan that fits the model as it is', () => {
    const plan = createPlan({ count: 3, words: 300 });
    expect(splitForCapacity({ plan, from: 0, wordsPerReply: 300 })).toEqual({ plan, divided: 0 });
  });

  it('divides only the pending sections that exceed one reply, into continuation parts', () => {
    const plan = createPlan({ sections: [{ words: 900 }, { words: 700 }, { words: 200 }] });
    const { plan: split, divided } = splitForCapacity({ plan, from: 1, wordsPerReply: 300 });
    expect(divided).toBe(1);
    expect(shape(split)).toEqual([
      ['s001', 900, false],
      ['s002', 234, false],
      ['s002-2', 233, true],
      ['s002-3', 233, true],
      ['s003', 200, false],
    ]);
    expect(split.words).toBe(plan.words);
    expect(split.sections[2]?.brief).toBe(
      partBrief({ brief: 'The point of section 2.', part: 2, parts: 3 }),
    );
  });

  it('divides the pending parts of a section again, numbered after those written', () => {
    const first = splitForCapacity({
      plan: createPlan({ count: 1, sections: [{ words: 900 }] }),
      from: 0,
      wordsPerReply: 300,
    }).plan;
    const again = splitForCapacity({ plan: first, from: 1, wordsPerReply: 200 }).plan;
    expect(shape(again)).toEqual([
      ['s001', 300, false],
      ['s001-2', 200, true],
      ['s001-3', 200, true],
      ['s001-4', 200, true],
    ]);
    expect(again.sections[3]?.brief).toMatch(
      /^Part 4 of 4 of this section\. The point of section 1\./,
    );
  });

  it('keeps a short draft as the first part and divides the rest of its budget', () => {
    const plan = createPlan({
      count: 1,
      sections: [{ words: 1_000, constraints: [{ id: 'c1', text: 'Name the keeper' }] }],
    });
    const { plan: split } = splitForCapacity({ plan, from: 0, wordsPerReply: 300, drafted: 280 });
    expect(shape(split)).toEqual([
      ['s001', 280, false],
      ['s001-2', 240, true],
      ['s001-3', 240, true],
      ['s001-4', 240, true],
    ]);
    expect(split.sections[0]?.constraints).toHaveLength(1);
    expect(split.sections[1]?.constraints).toEqual([]);
  });

  it('reads back the section brief from a part brief', () => {
    const brief = 'Harbours and their lights.';
    expect(sectionBrief(partBrief({ brief, part: 3, parts: 5 }))).toBe(brief);
    expect(sectionBrief(brief)).toBe(brief);
  });

  describe('with a floor (the least the model writes per reply)', () => {
    it('makes fewer parts rather than parts below the floor', () => {
      const plan = createPlan({ count: 1, sections: [{ words: 1_000 }] });
      // 300 a reply asks for four parts of 250; a floor of 280 allows three of 333 at most.
      const { plan: split } = splitForCapacity({ plan, from: 0, wordsPerReply: 300, floor: 280 });
      expect(shape(split)).toEqual([
        ['s001', 334, false],
        ['s001-2', 333, true],
        ['s001-3', 333, true],
      ]);
    });

    it('re-divides pending parts below the floor into fewer, and counts it only when it changed', () => {
      const plan = createPlan({
        count: 3,
        sections: [
          { words: 300 },
          { id: 's001-2', title: 'Section 1', words: 120, continuation: true },
          { id: 's001-3', title: 'Section 1', words: 120, continuation: true },
        ],
      });
      const { plan: split, divided } = splitForCapacity({
        plan,
        from: 1,
        wordsPerReply: 300,
        floor: 200,
      });
      expect(divided).toBe(1);
      expect(shape(split)).toEqual([
        ['s001', 300, false],
        ['s001-2', 240, true],
      ]);
      // A part above the limit that the floor keeps whole is already as near as it gets.
      const whole = createPlan({ count: 1, sections: [{ words: 450 }] });
      expect(splitForCapacity({ plan: whole, from: 0, wordsPerReply: 300, floor: 280 })).toEqual({
        plan: whole,
        divided: 0,
      });
    });
  });
});
