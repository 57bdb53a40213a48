import { describe, expect, it } from 'vitest';
import {
  capacityTooLow,
  observeReply,
  type ReplyCapacity,
  type ReplyMeasure,
  startCapacity,
  wordsPerReply,
} from '../../src/model/reply-capacity.js';

const fresh = (configured?: number) =>
  startCapacity({ previous: undefined, model: 'sim:ceiling=300', configured });

function observeAll(replies: ReplyMeasure[], capacity: ReplyCapacity = fresh()): ReplyCapacity {
  return replies.reduce((current, reply) => observeReply({ capacity: current, reply }), capacity);
}

describe('reply capacity', () => {
  it('knows nothing until a reply falls short, then follows the short replies', () => {
    expect(wordsPerReply(fresh())).toBeUndefined();
    const learned = observeAll([
      { asked: 200, written: 195 },
      { asked: 1_000, written: 300 },
    ]);
    expect(wordsPerReply(learned)).toBe(300);
    expect(learned).toMatchObject({ replies: 2, longest: 300, recent: [300] });
  });

  it('starts from the configured value and lets measurements take over', () => {
    expect(wordsPerReply(fresh(800))).toBe(800);
    expect(wordsPerReply(observeAll([{ asked: 800, written: 400 }], fresh(800)))).toBe(400);
  });

  it('takes the median of the last three, so one odd reply does not move it', () => {
    const learned = observeAll([
      { asked: 1_000, written: 300 },
      { asked: 1_000, written: 20 },
      { asked: 1_000, written: 310 },
    ]);
    expect(wordsPerReply(learned)).toBe(300);
  });

  it('follows a model that writes less and less', () => {
    const learned = observeAll([
      { asked: 1_000, written: 400 },
      { asked: 400, written: 250 },
      { asked: 300, written: 200 },
      { asked: 250, written: 150 },
    ]);
    expect(wordsPerReply(learned)).toBe(200);
  });

  it('raises the estimate when a reply is longer than it, and ignores cut replies', () => {
    const learned = observeAll([
      { asked: 1_000, written: 300 },
      { asked: 600, written: 590 },
      { asked: undefined, written: 5 },
    ]);
    expect(learned.recent).toEqual([300, 590]);
    expect(learned.replies).toBe(3);
  });

  it('recognises a model that writes a share of any ask, which has no limit to split for', () => {
    const learned = observeAll([
      { asked: 1_000, written: 700 },
      { asked: 300, written: 215 },
    ]);
    expect(learned.compliance).toBeCloseTo(0.71, 2);
    expect(wordsPerReply(learned)).toBeUndefined();
    // Later replies explained by that share teach nothing more about a limit.
    expect(
      wordsPerReply(observeReply({ capacity: learned, reply: { asked: 90, written: 63 } })),
    ).toBe(undefined);
  });

  it('does not mistake a limit for a share: asks far apart give different shares', () => {
    const learned = observeAll([
      { asked: 1_000, written: 300 },
      { asked: 500, written: 300 },
      { asked: 1_200, written: 290 },
    ]);
    expect(learned.compliance).toBeUndefined();
    expect(wordsPerReply(learned)).toBe(300);
  });

  it('is too low only after two measurements in a row under the minimum', () => {
    const once = observeAll([{ asked: 900, written: 3 }]);
    expect(capacityTooLow({ capacity: once, minWords: 50 })).toBe(false);
    const twice = observeReply({ capacity: once, reply: { asked: 50, written: 3 } });
    expect(capacityTooLow({ capacity: twice, minWords: 50 })).toBe(true);
    const recovered = observeReply({ capacity: once, reply: { asked: 50, written: 50 } });
    expect(capacityTooLow({ capacity: recovered, minWords: 50 })).toBe(false);
  });

  it('keeps what a run learned for the same model only', () => {
    const learned = observeAll([{ asked: 1_000, written: 300 }]);
    expect(startCapacity({ previous: learned, model: 'sim:ceiling=300', configured: 500 })).toEqual(
      {
        ...learned,
        configured: 500,
      },
    );
    expect(
      startCapacity({ previous: learned, model: 'openai:other', configured: undefined }),
    ).toEqual({ model: 'openai:other', recent: [], replies: 0, longest: 0 });
  });
});
