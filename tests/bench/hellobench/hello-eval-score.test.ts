import { describe, expect, it } from 'vitest';
import { checklistWeights } from '../../../src/bench/hellobench/checklist-weights.js';
import { helloEvalScore, paperScale } from '../../../src/bench/hellobench/hello-eval-score.js';
import { publishedChecklistWeights } from '../../../src/bench/hellobench/published-checklist-weights.js';
import { InvalidOptionError } from '../../../src/errors/invalid-option-error.js';

describe('checklistWeights', () => {
  it('gives the published weights of a category when they fit its checklist', () => {
    const { weights, weighting } = checklistWeights({ category: 'story_writing', count: 5 });
    expect(weighting).toBe('published');
    expect(weights).toEqual(publishedChecklistWeights.story_writing);
  });

  it.each([
    ['an unknown category', 'limericks', 4],
    ['another number of items', 'story_writing', 6],
    ['a name of Object.prototype', 'constructor', 3],
  ])('falls back to equal weights for %s', (_, category, count) => {
    expect(checklistWeights({ category, count })).toEqual({
      weights: Array.from({ length: count }, () => 100 / count),
      weighting: 'equal',
    });
  });

  it('has 38 published categories, each summing to 100 within rounding', () => {
    const entries = Object.entries(publishedChecklistWeights);
    expect(entries).toHaveLength(38);
    for (const [category, weights] of entries) {
      const sum = weights.reduce((total, weight) => total + weight, 0);
      expect(Math.abs(sum - 100), category).toBeLessThan(1e-12);
      expect(
        weights.every((weight) => weight > 0),
        category,
      ).toBe(true);
    }
  });
});

describe('helloEvalScore', () => {
  it('sums level × weight on 0–100', () => {
    expect(helloEvalScore({ scores: [1, 0.5, 0, 0.75], weights: [25, 25, 25, 25] })).toBe(56.25);
    expect(helloEvalScore({ scores: [0, 0, 0], weights: [50, 30, 20] })).toBe(0);
    expect(helloEvalScore({ scores: [1, 0.25], weights: [40, 60] })).toBe(55);
  });

  it('caps at 100 the rounding excess of published weights that sum to 100.00000000000003', () => {
    const weights = publishedChecklistWeights.explanation ?? [];
    expect(weights.reduce((sum, weight) => sum + weight, 0)).toBeGreaterThan(100);
    expect(helloEvalScore({ scores: weights.map(() => 1), weights })).toBe(100);
  });

  it.each([
    [[0.6, 1], [50, 50], /levels among 0, 0.25, 0.5, 0.75, 1, got 0.6/],
    [[1], [50, 50], /one level per weight \(2\), got 1/],
    [[], [], /one level per weight \(0\), got 0/],
  ])('refuses %j against %j', (scores, weights, message) => {
    expect(() => helloEvalScore({ scores, weights })).toThrow(InvalidOptionError);
    expect(() => helloEvalScore({ scores, weights })).toThrow(message);
  });

  it('puts a score on the paper scale as (score − 75) × 4', () => {
    expect(paperScale(75)).toBe(0);
    expect(paperScale(100)).toBe(100);
    expect(paperScale(50)).toBe(-100);
  });
});
