import { describe, expect, it } from 'vitest';
import { documentParts } from '../../../src/evaluators/degradation/document-parts.js';
import { evaluateDegradation } from '../../../src/evaluators/degradation/evaluate-degradation.js';
import { trend } from '../../../src/evaluators/degradation/trend.js';
import { buildKeywordSalad, buildProse } from '../../fixtures/evaluators/build-prose.mjs';
import { createFakeClock } from '../../helpers/fake-clock.js';
import { scriptedModel } from '../../helpers/mock-model.js';

/** A judge rating each part in turn: every dimension `rating` of 5. */
const judgeRating = (ratings: number[]) => {
  const replies = ratings.map((rating) => ({
    text: JSON.stringify({
      analysis: 'A part.',
      relevance: rating,
      accuracy: rating,
      coherence: rating,
      clarity: rating,
      breadthAndDepth: rating,
      readingExperience: rating,
    }),
  }));
  const retry = { maxAttempts: 1, initialDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 10 };
  return {
    model: scriptedModel(replies, 'judge-model'),
    name: 'openai:judge-model',
    retry,
    clock: createFakeClock(),
    concurrency: 1,
  };
};

const chapters = (bodies: string[]) =>
  bodies.map((body, index) => `## Chapter ${index + 1}\n\n${body}`).join('\n\n');
const proseOf = (seed: number) => buildProse({ words: 600, seed }).replace(/^#.*$/gm, '');

describe('trend', () => {
  it('gives first, last, their delta, the slope and the two halves, skipping nulls', () => {
    expect(trend([1, 2, null, 4])).toEqual({
      first: 1,
      last: 4,
      delta: 3,
      slope: expect.closeTo(3, 10),
      firstHalf: 1.5,
      secondHalf: 4,
    });
    expect(trend([5]).delta).toBeNull();
  });
});

describe('documentParts', () => {
  it("takes a run's sections, else the chapters, else equal chunks", () => {
    const sections = [
      { title: 'One', text: 'a' },
      { title: 'Two', text: 'b' },
    ];
    expect(documentParts({ text: 'x', sections }).source).toBe('sections');
    const byChapters = documentParts({ text: chapters([proseOf(1), proseOf(2), proseOf(3)]) });
    expect(byChapters.source).toBe('headings');
    expect(byChapters.parts.map((part) => part.title)).toEqual([
      'Chapter 1',
      'Chapter 2',
      'Chapter 3',
    ]);
    const chunks = documentParts({ text: proseOf(4).replace(/\n/g, ' ') });
    expect(chunks.source).toBe('chunks');
    expect(chunks.parts.length).toBeGreaterThanOrEqual(2);
  });
});

describe('evaluateDegradation', () => {
  it('holds for a document whose chapters are alike', async () => {
    const { degradation, findings } = await evaluateDegradation({
      text: chapters([1, 2, 3, 4].map(proseOf)),
    });
    expect(degradation?.parts).toHaveLength(4);
    expect(degradation?.degraded).toEqual([]);
    expect(findings).toEqual([]);
  });

  it('warns of a second half that collapses into keyword salad', async () => {
    const salad = buildKeywordSalad({ words: 600, seed: 9 });
    const { degradation, findings } = await evaluateDegradation({
      text: chapters([proseOf(1), proseOf(2), salad, salad]),
    });
    expect(degradation?.degraded).toContain('functionShare');
    expect(degradation?.trends.functionShare.delta).toBeLessThan(0);
    expect(findings).toEqual([
      expect.objectContaining({ ruleId: 'degradation/second-half', severity: 'warning' }),
    ]);
  });

  it('asks the judge for each part only when told to, and follows S_q along the parts', async () => {
    const text = chapters([1, 2, 3, 4].map(proseOf));
    const unasked = await evaluateDegradation({ text, judge: judgeRating([5]) });
    expect(unasked.judgeCalls).toBe(0);
    const asked = await evaluateDegradation({
      text,
      judge: judgeRating([5, 5, 2, 2]),
      partQuality: true,
    });
    expect(asked.judgeCalls).toBe(4);
    expect(asked.degradation?.trends.quality.delta).toBeLessThan(0);
    expect(asked.degradation?.degraded).toContain('quality');
  });
});
