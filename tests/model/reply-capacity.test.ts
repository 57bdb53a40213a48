import { describe, expect, it } from 'vitest';
import {
  capacityTooLow,
  observeReply,
  type ReplyCapacity,
  ReplyCapacitySchema,
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

  describe('floor: the least the model writes when asked for fewer words', () => {
    /** A model writing about 300 words whatever it is asked: one short reply, two long ones. */
    const fixed: ReplyMeasure[] = [
      { asked: 640, written: 285 },
      { asked: 180, written: 306 },
      { asked: 180, written: 281 },
    ];

    it('is learned from two replies far longer than asked that agree, asks far apart', () => {
      expect(observeAll(fixed.slice(0, 2)).floor).toBeUndefined();
      const learned = observeAll(fixed);
      expect(learned.floor).toBe(281);
      expect(learned.long).toEqual(fixed.slice(1));
      // Two long replies to asks far apart agree without a short one.
      expect(
        observeAll([
          { asked: 100, written: 300 },
          { asked: 160, written: 320 },
        ]).floor,
      ).toBe(300);
    });

    it('is not learned from a model that writes a share more than any ask', () => {
      // Asks alike give lengths alike: no telling a share from a floor.
      const alike = observeAll([
        { asked: 200, written: 320 },
        { asked: 210, written: 336 },
      ]);
      expect(alike.floor).toBeUndefined();
      // Asks far apart give lengths far apart.
      expect(observeAll([{ asked: 100, written: 160 }], alike).floor).toBeUndefined();
      // Nor from replies not far over their ask, nor from cut replies.
      expect(
        observeAll([
          { asked: 640, written: 290 },
          { asked: 250, written: 300 },
          { asked: 170, written: 250 },
        ]).floor,
      ).toBeUndefined();
      expect(
        observeAll([
          { asked: 640, written: 285 },
          { asked: undefined, written: 306 },
          { asked: undefined, written: 281 },
        ]).floor,
      ).toBeUndefined();
    });

    it('is dropped when a reply comes back well under it, and learned anew from fresh evidence', () => {
      const learned = observeAll(fixed);
      // Within a fifth of it, still the floor.
      expect(observeAll([{ asked: 281, written: 230 }], learned).floor).toBe(281);
      const obeying = observeAll([{ asked: 150, written: 150 }], learned);
      expect(obeying.floor).toBeUndefined();
      expect(obeying.long).toBeUndefined();
      const again = observeAll(
        [
          { asked: 60, written: 150 },
          { asked: 40, written: 140 },
        ],
        obeying,
      );
      expect(again.floor).toBe(140);
    });

    it('is dropped when a reply far longer than an ask at or above it shows a habit instead', () => {
      const learned = observeAll(fixed);
      const dropped = observeAll([{ asked: 300, written: 480 }], learned);
      expect(dropped.floor).toBeUndefined();
      expect(dropped.long).toEqual([{ asked: 300, written: 480 }]);
    });

    it('reads a capacity stored before floors were learned, and learns one on it', () => {
      const stored = JSON.parse(
        '{"model":"sim:fixed=300","recent":[283,306],"lastShort":{"asked":637,"written":283},"replies":2,"longest":306}',
      );
      const old = ReplyCapacitySchema.parse(stored);
      expect(old.floor).toBeUndefined();
      expect(wordsPerReply(old)).toBe(295);
      expect(observeAll(fixed.slice(1), old).floor).toBe(281);
      // And what is learned now reads back.
      expect(ReplyCapacitySchema.parse(observeAll(fixed))).toEqual(observeAll(fixed));
    });
  });
});
