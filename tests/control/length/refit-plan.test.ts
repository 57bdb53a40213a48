import { describe, expect, it } from 'vitest';
import { capacityStopReason } from '../../../src/control/length/capacity-stop-reason.js';
import { lengthOutcome } from '../../../src/control/length/length-outcome.js';
import { refitPlan } from '../../../src/control/length/refit-plan.js';
import { retargetPlan } from '../../../src/control/length/retarget-plan.js';
import { type ReplyCapacity, startCapacity } from '../../../src/model/reply-capacity.js';
import { createPlan } from '../../helpers/builders.js';

const capacity = (recent: number[]): ReplyCapacity => ({
  ...startCapacity({ previous: undefined, model: 'sim', configured: undefined }),
  recent,
  replies: recent.length,
  longest: Math.max(0, ...recent),
});
const gate = { floor: 0.9, ceiling: 1.2 };

describe('refitPlan', () => {
  const plan = createPlan({ count: 4, words: 1_000 });

  it('changes nothing while the capacity is unknown and the length on course', () => {
    const refit = refitPlan({
      plan,
      from: 1,
      writtenWords: 1_020,
      capacity: capacity([]),
      slack: 0.05,
      minWordsPerReply: 50,
    });
    expect(refit).toEqual({ plan, events: [] });
  });

  it('rebalances, then divides the pending sections to fit, and says so', () => {
    const refit = refitPlan({
      plan,
      from: 2,
      writtenWords: 2_400,
      capacity: capacity([400]),
      slack: 0.05,
      minWordsPerReply: 50,
    });
    expect(refit.plan.sections.slice(2).map((section) => section.words)).toEqual([
      400, 400, 400, 400,
    ]);
    expect(refit.events).toEqual([
      {
        type: 'plan-refit',
        reason: 'rebalance',
        index: 2,
        sections: 4,
        pendingWords: { before: 2_000, after: 1_600 },
      },
      { type: 'plan-refit', reason: 'capacity', index: 2, sections: 6, wordsPerReply: 400 },
    ]);
  });

  it('divides what fits one reply again when the context window leaves less room, as its own refit', () => {
    const refit = refitPlan({
      plan,
      from: 2,
      writtenWords: 2_000,
      capacity: capacity([600]),
      slack: 0.05,
      minWordsPerReply: 50,
      windowWords: 300,
    });
    expect(refit.plan.sections.slice(2).every((section) => section.words <= 300)).toBe(true);
    expect(refit.plan.words).toBe(plan.words);
    expect(refit.events).toEqual([
      { type: 'plan-refit', reason: 'capacity', index: 2, sections: 6, wordsPerReply: 600 },
      {
        type: 'plan-refit',
        reason: 'window',
        index: 2,
        sections: refit.plan.sections.length,
        wordsPerReply: 300,
      },
    ]);
  });

  it('divides for the window alone while the capacity is unknown', () => {
    const refit = refitPlan({
      plan,
      from: 1,
      writtenWords: 1_000,
      capacity: capacity([]),
      slack: 0.05,
      minWordsPerReply: 50,
      windowWords: 500,
    });
    expect(refit.plan.sections.slice(1).map((section) => section.words)).toEqual([
      500, 500, 500, 500, 500, 500,
    ]);
    expect(refit.events).toEqual([
      { type: 'plan-refit', reason: 'window', index: 1, sections: 7, wordsPerReply: 500 },
    ]);
  });

  it('never divides into parts smaller than write.minWordsPerReply', () => {
    const refit = refitPlan({
      plan,
      from: 3,
      writtenWords: 3_000,
      capacity: capacity([3]),
      slack: 0.05,
      minWordsPerReply: 250,
    });
    expect(refit.plan.sections.slice(3).map((section) => section.words)).toEqual([
      250, 250, 250, 250,
    ]);
  });
});

describe('refitPlan with a model that writes at least so much per reply (floor)', () => {
  /** A model measured at ~300 words per reply, which writes at least `floor` whatever asked. */
  const fixed = (floor: number): ReplyCapacity => ({ ...capacity([300, 310, 305]), floor });
  // Nine sections of 300 words, six written at 340 each: the rest must shrink by a sixth.
  const plan = createPlan({ count: 9, words: 300 });
  /** The refit of `plan` (or another) at a ceiling of 3,240 words, six sections written. */
  const refit = (overrides: Partial<Parameters<typeof refitPlan>[0]>) =>
    refitPlan({
      plan,
      from: 6,
      writtenWords: 2_040,
      capacity: fixed(280),
      slack: 0.05,
      minWordsPerReply: 50,
      ceilingWords: 3_240,
      ...overrides,
    });
  const pendingWords = (result: ReturnType<typeof refit>, from: number) =>
    result.plan.sections.slice(from).map((section) => section.words);

  it('shrinks the pending budgets by merging, never below the floor, the total kept', () => {
    const floored = refit({});
    expect(floored.stopReason).toBeUndefined();
    expect(pendingWords(floored, 6)).toEqual([330, 330]);
    expect(floored.plan.sections.slice(0, 6)).toEqual(plan.sections.slice(0, 6));
    expect(floored.events).toEqual([
      {
        type: 'plan-refit',
        reason: 'rebalance',
        index: 6,
        sections: 9,
        pendingWords: { before: 900, after: 660 },
      },
      { type: 'plan-refit', reason: 'floor', index: 6, sections: 8, wordsPerReply: 280 },
    ]);
    // Without a floor the same rebalance leaves three sections of 220.
    expect(pendingWords(refit({ capacity: capacity([300, 310, 305]) }), 6)).toEqual([
      220, 220, 220,
    ]);
  });

  it('never divides a section into parts below the floor, even above the measured capacity', () => {
    const large = createPlan({ count: 2, sections: [{ words: 300 }, { words: 500 }] });
    const divided = refit({ plan: large, from: 1, writtenWords: 300, capacity: fixed(290) });
    // 500 words make two parts of 250 at 305 words a reply: one of 500 at a floor of 290.
    expect(divided).toEqual({ plan: large, events: [] });
  });

  it('stops instead of spending calls when the floor alone passes the ceiling, the plan kept', () => {
    const stopped = refit({ from: 8, writtenWords: 2_900, capacity: fixed(400) });
    expect(stopped.plan).toBe(plan);
    expect(stopped.events).toEqual([]);
    expect(stopped.stopReason).toMatch(
      /^the model writes at least 400 words per reply however few it is asked for: one more reply would take the document from 2,900 to at least 3,300 words, over the 3,240/,
    );
  });
});

describe('lengthOutcome', () => {
  it('says nothing within the gate, and names the words, the bound and the capacity outside it', () => {
    expect(lengthOutcome({ words: 9_500, target: 10_000, gate, capacity: undefined }).reason).toBe(
      undefined,
    );
    const short = lengthOutcome({ words: 4_320, target: 10_000, gate, capacity: capacity([120]) });
    expect(short.gate.status).toBe('short');
    expect(short.reason).toBe(
      'the document has 4,320 of 10,000 words (0.43×, under the 0.9× floor); the model writes about 120 words per reply',
    );
    expect(lengthOutcome({ words: 13_000, target: 10_000, gate, capacity: undefined }).reason).toBe(
      'the document has 13,000 of 10,000 words (1.30×, over the 1.2× ceiling)',
    );
  });
});

describe('retargetPlan', () => {
  it('rescales every budget to the new target, in proportion', () => {
    const plan = createPlan({ sections: [{ words: 200 }, { words: 600 }, { words: 200 }] });
    const retargeted = retargetPlan({ plan, words: 2_000 });
    expect(retargeted.words).toBe(2_000);
    expect(retargeted.sections.map((section) => section.words)).toEqual([400, 1_200, 400]);
    expect(retargetPlan({ plan, words: plan.words })).toBe(plan);
  });
});

describe('capacityStopReason', () => {
  it('names the capacity observed and what the rest would take', () => {
    expect(
      capacityStopReason({
        capacity: { ...capacity([3, 3]), replies: 2 },
        minWordsPerReply: 50,
        remainingWords: 10_000,
      }),
    ).toBe(
      'the model writes about 3 words per reply (2 replies measured, the longest 3), under write.minWordsPerReply (50): the remaining 10,000 words would take about 3,334 calls',
    );
  });
});
