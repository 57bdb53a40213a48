import { describe, expect, it } from 'vitest';
import { fitToFloor } from '../../../src/control/length/fit-to-floor.js';
import { createPlan } from '../../helpers/builders.js';

const words = (plan: ReturnType<typeof createPlan>) =>
  plan.sections.map((section) => section.words);

describe('fitToFloor', () => {
  it('merges pending sections below the floor into a neighbour, keeping the total, ids and constraints', () => {
    const due = { id: 'c1', text: 'the Phare du Créac’h' };
    const plan = createPlan({
      sections: [
        { words: 60 },
        { words: 300 },
        { words: 90, constraints: [due] },
        { words: 400 },
        { words: 120 },
      ],
    });
    const { plan: fitted, stopReason } = fitToFloor({
      plan,
      from: 1,
      floor: 250,
      wordsPerReply: 450,
      writtenWords: 60,
      ceilingWords: 2_000,
    });
    expect(stopReason).toBeUndefined();
    // The written section is left as it is, below the floor or not.
    expect(fitted.sections[0]).toEqual(plan.sections[0]);
    // Section 4 took in section 5 and, past one reply, was divided again.
    expect(words(fitted)).toEqual([60, 390, 260, 260]);
    expect(fitted.sections.map((section) => section.id)).toEqual([
      's001',
      's002',
      's004',
      's004-2',
    ]);
    expect(fitted.sections[1]!.constraints).toEqual([due]);
    expect(fitted.sections[1]!.brief).toContain('Then cover "Section 3"');
    expect(fitted.sections[2]!.brief).toContain('Then cover "Section 5"');
  });

  it('re-divides the parts of a section below the floor into fewer, as equal as they come', () => {
    const plan = createPlan({
      sections: [
        { words: 300 },
        { id: 's001-2', title: 'Section 1', words: 100, continuation: true },
        { id: 's001-3', title: 'Section 1', words: 100, continuation: true },
        { id: 's001-4', title: 'Section 1', words: 100, continuation: true },
        { words: 200 },
      ],
    });
    const { plan: fitted } = fitToFloor({
      plan,
      from: 1,
      floor: 140,
      wordsPerReply: 200,
      writtenWords: 300,
      ceilingWords: undefined,
    });
    expect(words(fitted)).toEqual([300, 150, 150, 200]);
    expect(fitted.sections.slice(1, 3).every((part) => part.continuation)).toBe(true);
    expect(fitted.sections[2]!.id).toBe('s001-3');
  });

  it('raises a lone last section to the floor, since asking for less buys nothing', () => {
    const plan = createPlan({ count: 2, sections: [{ words: 900 }, { words: 80 }] });
    const { plan: fitted } = fitToFloor({
      plan,
      from: 1,
      floor: 250,
      wordsPerReply: undefined,
      writtenWords: 950,
      ceilingWords: 1_200,
    });
    expect(words(fitted)).toEqual([900, 250]);
  });

  it('returns the same plan when every pending section already reaches the floor', () => {
    const plan = createPlan({ count: 4, words: 300 });
    expect(
      fitToFloor({
        plan,
        from: 2,
        floor: 280,
        wordsPerReply: 320,
        writtenWords: 600,
        ceilingWords: 1_440,
      }),
    ).toEqual({ plan });
  });

  it('stops, plan unchanged, when not even one more reply fits under the ceiling', () => {
    const plan = createPlan({
      count: 3,
      sections: [{ words: 600 }, { words: 600 }, { words: 150 }],
    });
    const fitAt = (writtenWords: number) =>
      fitToFloor({
        plan,
        from: 2,
        floor: 600,
        wordsPerReply: 650,
        writtenWords,
        ceilingWords: 1_620,
      });
    expect(fitAt(1_020).stopReason).toBeUndefined();
    const result = fitAt(1_200);
    expect(result.plan).toBe(plan);
    expect(result.stopReason).toBe(
      "the model writes at least 600 words per reply however few it is asked for: one more reply would take the document from 1,200 to at least 1,800 words, over the 1,620 the length gate's ceiling allows, with 1 planned section(s) unwritten; resume with a larger target (quire resume --words), raise lengthGate.ceiling, or use a model that writes short replies when asked",
    );
  });
});
