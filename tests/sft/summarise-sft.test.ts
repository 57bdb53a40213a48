import { describe, expect, it } from 'vitest';
import { summariseSft } from '../../src/sft/summarise-sft.js';
import { sftMetadata } from './helpers/sft-metadata.js';

describe('summariseSft', () => {
  it('counts kept and rejected answers, the accepted rate, mean S_l and reasons', () => {
    const summary = summariseSft({
      result: {
        written: [sftMetadata({ lengthScore: 90 }), sftMetadata({ lengthScore: 100 })],
        rejected: [
          {
            metadata: sftMetadata(),
            reasons: [
              { reason: 'too-repetitive', message: 'rep-4 0.3 is over 0.2' },
              { reason: 'too-repetitive', message: 'collapses' },
              { reason: 'too-short', message: '10 words' },
            ],
          },
          { metadata: sftMetadata(), reasons: [{ reason: 'meta-text', message: 'as an AI' }] },
        ],
      },
    });
    expect(summary).toEqual({
      written: 2,
      rejected: 2,
      acceptedRate: 0.5,
      meanLengthScore: 95,
      reasons: { 'too-repetitive': 1, 'too-short': 1, 'meta-text': 1 },
      references: { records: 0, meanWords: null, meanReferenceWords: null },
      pairs: null,
    });
  });

  it('sums the preference pairs of a DPO batch, rejected instructions counting their 0', () => {
    const summary = summariseSft({
      result: {
        written: [sftMetadata({ pairs: 3 }), sftMetadata({ pairs: 5 })],
        rejected: [
          { metadata: sftMetadata({ pairs: 0 }), reasons: [{ reason: 'no-pairs', message: '' }] },
        ],
      },
    });
    expect(summary.pairs).toBe(8);
    const none = summariseSft({
      result: {
        written: [],
        rejected: [
          { metadata: sftMetadata({ pairs: 0 }), reasons: [{ reason: 'no-pairs', message: '' }] },
        ],
      },
    });
    expect(none.pairs).toBe(0);
  });

  it('compares the kept answers that had one in the input with their reference, in words', () => {
    const summary = summariseSft({
      result: {
        written: [
          sftMetadata({ words: 3000, referenceWords: 800 }),
          sftMetadata({ words: 5000, referenceWords: 1200 }),
          sftMetadata({ words: 9000, referenceWords: 0 }),
        ],
        rejected: [],
      },
    });
    expect(summary.references).toEqual({ records: 2, meanWords: 4000, meanReferenceWords: 1000 });
  });

  it('has no rates before anything was answered', () => {
    expect(summariseSft({ result: { written: [], rejected: [] } })).toMatchObject({
      acceptedRate: null,
      meanLengthScore: null,
    });
  });
});
