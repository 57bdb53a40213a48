import { describe, expect, it } from 'vitest';
import { sftPageData } from '../../../src/report/sft/sft-page-data.js';
import type { SftMetadata } from '../../../src/sft/sft-metadata.js';

function metadata(overrides: Partial<SftMetadata>): SftMetadata {
  return {
    id: 'a',
    line: 1,
    targetWords: 1000,
    targetSource: 'default',
    words: 1000,
    referenceWords: 0,
    lengthScore: 100,
    repetition: {
      rep4: 0,
      distinct1: 0.5,
      distinct2: 0.9,
      maxWindowRep4: 0,
      longestLoopTokens: 0,
      nearDuplicatePairs: 0,
      lateCollapse: 'none',
    },
    model: 'sim',
    tokens: { input: 1, output: 1, cached: 0, reasoning: 0 },
    calls: 1,
    sections: 1,
    elapsedSeconds: 60,
    createdAt: '2026-01-01T00:01:00Z',
    ...overrides,
  };
}

describe('sftPageData', () => {
  it('measures lengths against targets, counts rejection reasons and the answers over time', () => {
    const data = sftPageData({
      files: {
        out: 'data.jsonl',
        written: [
          metadata({ id: 'a', words: 1100 }),
          metadata({ id: 'b', words: 900, createdAt: '2026-01-01T00:03:00Z' }),
        ],
        rejected: [
          {
            metadata: metadata({ id: 'c', words: 400, createdAt: '2026-01-01T00:02:00Z' }),
            reasons: [
              { reason: 'too-short', message: 'short' },
              { reason: 'meta-text', message: 'chatter' },
            ],
          },
        ],
      },
    });
    expect(data.ratios.map((ratio) => [ratio.id, ratio.status, ratio.ratio])).toEqual([
      ['a', 'accepted', 1.1],
      ['b', 'accepted', 0.9],
      ['c', 'rejected', 0.4],
    ]);
    expect(data.reasons).toEqual([
      { reason: 'too-short', answers: 1 },
      { reason: 'meta-text', answers: 1 },
    ]);
    // The first answer started a minute before it finished, at 00:00.
    expect(data.throughput).toEqual([
      { minutes: 1, status: 'accepted', done: 1 },
      { minutes: 2, status: 'rejected', done: 1 },
      { minutes: 3, status: 'accepted', done: 2 },
    ]);
    expect(data.words).toBe(2000);
    expect(data.perHour).toBe(40);
  });
});
