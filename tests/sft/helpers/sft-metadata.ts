import type { SftMetadata } from '../../../src/sft/sft-metadata.js';

/** Metadata of a plausible kept record; override what the test is about. */
export function sftMetadata(overrides: Partial<SftMetadata> = {}): SftMetadata {
  return {
    id: '0123456789abcdef',
    line: 1,
    targetWords: 1000,
    targetSource: 'field',
    words: 980,
    referenceWords: 0,
    lengthScore: 99,
    repetition: {
      rep4: 0.01,
      distinct1: 0.5,
      distinct2: 0.9,
      maxWindowRep4: 0.02,
      longestLoopTokens: 0,
      nearDuplicatePairs: 0,
      lateCollapse: 'none',
    },
    model: 'sim',
    tokens: { input: 1000, output: 1300, cached: 0, reasoning: 0 },
    calls: 3,
    sections: 2,
    elapsedSeconds: 1.5,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}
