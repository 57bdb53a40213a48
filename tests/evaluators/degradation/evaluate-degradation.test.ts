import { MockLanguageModelV3 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { documentParts } from '../../../src/evaluators/degradation/document-parts.js';
import { evaluateDegradation } from '../../../src/evaluators/degradation/evaluate-degradation.js';
import { trend } from '../../../src/evaluators/degradation/trend.js';
import { buildKeywordSalad, buildProse } from '../../fixtures/evaluators/build-prose.mjs';
import { createFakeClock } from '../../helpers/fake-clock.js';
import { scriptedModel, streamReply } from '../../helpers/mock-model.js';

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

/** A judge rating every part 4 of 5, recording the most calls in flight at once. */
const countingJudge = () => {
  let inFlight = 0;
  let mostInFlight = 0;
  const rating = { analysis: 'A part.', relevance: 4, accuracy: 4, coherence: 4, clarity: 4 };
  const model = new MockLanguageModelV3({
    modelId: 'judge-model',
    doStream: async () => {
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight--;
      return streamReply({
        text: JSON.stringify({ ...rating, breadthAndDepth: 4, readingExperience: 4 }),
      });
    },
  });
  const retry = { maxAttempts: 1, initialDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 10 };
  return {
    model,
    mostInFlight: () => mostInFlight,
    judge: { model, name: 'openai:judge-model', retry, clock: createFakeClock() },
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
    const { firstHalf, secondHalf } = degradation!.trends.functionShare;
    expect(findings).toEqual([
      {
        evaluator: 'degradation',
        ruleId: 'degradation/second-half',
        severity: 'warning',
        message: expect.stringMatching(
          /^The second half of the document is worse than the first \(.*\), over 4 headings\.$/,
        ),
      },
    ]);
    expect(findings[0]?.message).toContain(
      `functionShare ${firstHalf?.toFixed(2)} → ${secondHalf?.toFixed(2)}`,
    );
  });

  it('warns of a second half that loops: fewer distinct n-grams, more repeated 4-grams', async () => {
    const loop = 'The mill turned the wheel and the wheel turned the stone. '.repeat(50);
    const { degradation, findings } = await evaluateDegradation({
      text: chapters([proseOf(1), proseOf(2), loop, loop]),
    });
    expect(degradation?.degraded).toEqual(['distinct1', 'distinct2', 'rep4']);
    expect(findings[0]?.message).toMatch(/distinct1 0\.\d\d → 0\.\d\d; distinct2 .*; rep4 /);
  });

  it('names equal parts when the document had no headings to cut at', async () => {
    const flat = (text: string) => text.replace(/\s+/g, ' ');
    const salad = buildKeywordSalad({ words: 600, seed: 9 });
    const { degradation, findings } = await evaluateDegradation({
      text: flat(`${proseOf(1)} ${proseOf(2)} ${salad} ${salad}`),
    });
    expect(degradation?.source).toBe('chunks');
    expect(findings[0]?.message).toMatch(/, over 8 equal parts\.$/);
  });

  it('does not compare a measure the first half has no value for', async () => {
    const loop = 'The mill turned the wheel and the wheel turned the stone. '.repeat(50);
    const { degradation } = await evaluateDegradation({
      text: chapters(['Too short.', 'Also short.', loop, loop]),
    });
    expect(degradation?.trends.rep4.firstHalf).toBeNull();
    expect(degradation?.degraded).toEqual([]);
  });

  it('leaves alone a function-word share that was low from the start (lists, code)', async () => {
    // A salad with one "the" in 20 words, then one in 60: under 0.1 from the start.
    const sprinkle = (every: number, seed: number) =>
      buildKeywordSalad({ words: 600, seed })
        .split(' ')
        .map((word, index) => (index % every === 0 ? `the ${word}` : word))
        .join(' ');
    const { degradation } = await evaluateDegradation({
      text: chapters([sprinkle(20, 1), sprinkle(20, 2), sprinkle(60, 3), sprinkle(60, 4)]),
    });
    const { firstHalf, secondHalf } = degradation!.trends.functionShare;
    expect(firstHalf).toBeLessThan(0.1);
    expect(secondHalf).toBeGreaterThan(0);
    expect(secondHalf).toBeLessThan(0.75 * firstHalf!);
    expect(degradation?.degraded).not.toContain('functionShare');
    // The same thinned salad after prose is a collapse, though some function words remain.
    const afterProse = await evaluateDegradation({
      text: chapters([proseOf(1), proseOf(2), sprinkle(60, 3), sprinkle(60, 4)]),
    });
    expect(afterProse.degradation?.trends.functionShare.secondHalf).toBeGreaterThan(0);
    expect(afterProse.degradation?.degraded).toContain('functionShare');
  });

  it('asks no judge for part quality when there is none', async () => {
    const { degradation, judgeCalls } = await evaluateDegradation({
      text: chapters([1, 2].map(proseOf)),
      partQuality: true,
    });
    expect(judgeCalls).toBe(0);
    expect(degradation?.parts.map((part) => part.quality)).toEqual([null, null]);
  });

  it('is null for a document of fewer than two parts, and asks the judge nothing', async () => {
    const { model, judge } = countingJudge();
    expect(await evaluateDegradation({ text: 'A short note.', judge, partQuality: true })).toEqual({
      degradation: null,
      findings: [],
      judgeCalls: 0,
    });
    expect(model.doStreamCalls).toHaveLength(0);
  });

  it('leaves each part without S_q when the judge is not asked for it', async () => {
    const { degradation } = await evaluateDegradation({ text: chapters([1, 2, 3].map(proseOf)) });
    expect(degradation?.parts.map((part) => part.quality)).toEqual([null, null, null]);
  });

  it('judges four parts at once unless told otherwise, showing the judge the request', async () => {
    const { model, judge, mostInFlight } = countingJudge();
    const { degradation, judgeCalls } = await evaluateDegradation({
      text: chapters([1, 2, 3, 4, 5, 6].map(proseOf)),
      judge,
      partQuality: true,
      request: 'Write a history of mills.',
    });
    expect(judgeCalls).toBe(6);
    expect(mostInFlight()).toBe(4);
    expect(degradation?.parts.map((part) => part.quality)).toEqual([75, 75, 75, 75, 75, 75]);
    expect(JSON.stringify(model.doStreamCalls[0]?.prompt)).toContain('Write a history of mills.');
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
    expect(asked.findings[0]?.message).toContain('quality 100.0 → 25.0');
  });
});
