import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../../src/errors/invalid-option-error.js';
import type { QualityJudgement } from '../../../src/evaluators/quality/quality-judgement-schema.js';
import { qualityScore } from '../../../src/evaluators/quality/quality-score.js';

function createJudgement(overrides: Partial<QualityJudgement> = {}): QualityJudgement {
  return {
    analysis: 'Solid.',
    relevance: 5,
    accuracy: 4,
    coherence: 3,
    clarity: 2,
    breadthAndDepth: 1,
    readingExperience: 3,
    ...overrides,
  };
}

describe('qualityScore', () => {
  it('maps each rating with (rating − 1) · 25 and averages the six', () => {
    const { score, dimensions } = qualityScore({ judgements: [createJudgement()] });
    expect(dimensions).toEqual({
      relevance: 100,
      accuracy: 75,
      coherence: 50,
      clarity: 25,
      breadthAndDepth: 0,
      readingExperience: 50,
    });
    expect(score).toBe(50);
  });

  it('averages ratings over judgements before mapping them', () => {
    const { dimensions, score } = qualityScore({
      judgements: [
        createJudgement({ relevance: 4 }),
        createJudgement({ relevance: 5 }),
        createJudgement({ relevance: 3 }),
      ],
    });
    expect(dimensions.relevance).toBe(75);
    expect(score).toBeCloseTo((75 + 75 + 50 + 25 + 0 + 50) / 6, 10);
  });

  it('is 0 for all ones and 100 for all fives', () => {
    const all = (rating: number) =>
      createJudgement({
        relevance: rating,
        accuracy: rating,
        coherence: rating,
        clarity: rating,
        breadthAndDepth: rating,
        readingExperience: rating,
      });
    expect(qualityScore({ judgements: [all(1)] }).score).toBe(0);
    expect(qualityScore({ judgements: [all(5)] }).score).toBe(100);
  });

  it('needs at least one judgement', () => {
    expect(() => qualityScore({ judgements: [] })).toThrow(InvalidOptionError);
    expect(() => qualityScore({ judgements: [] })).toThrow(
      'Option "judgements" must be at least one judgement, got an array.',
    );
  });
});
