import { describe, expect, it } from 'vitest';
import { partMetrics } from '../../../src/evaluators/degradation/part-metrics.js';

/** `count` different words, `word0 word1 …`, none a function word. */
const distinctWords = (count: number, from = 0) =>
  Array.from({ length: count }, (_, index) => `word${from + index}`).join(' ');

describe('partMetrics', () => {
  it('measures nothing but the tokens of a part under 50 tokens', () => {
    expect(partMetrics(distinctWords(49))).toEqual({
      tokens: 49,
      distinct1: null,
      distinct2: null,
      rep4: null,
      functionShare: null,
      sentenceLength: null,
    });
  });

  it('measures a part of exactly 50 tokens', () => {
    expect(partMetrics(distinctWords(50))).toMatchObject({ tokens: 50, distinct1: 1 });
  });

  it('measures distinct-n, rep-4, the function-word share and the sentence length', () => {
    // 50 sentences of the same four tokens, two of them function words: one 200-token window.
    const metrics = partMetrics('The mill and wheels. '.repeat(50));
    expect(metrics).toEqual({
      tokens: 200,
      distinct1: 4 / 200,
      distinct2: 4 / 199,
      rep4: 1 - 4 / 197,
      functionShare: 0.5,
      sentenceLength: 4,
    });
  });

  it('joins a short tail to the window before it instead of measuring it alone', () => {
    // 400 different words, then one word 50 times: windows [0, 200) and [200, 450).
    const text = `${distinctWords(400)} ${'again '.repeat(50)}`;
    expect(partMetrics(text).distinct1).toBeCloseTo((1 + 201 / 250) / 2, 10);
    // 600 different words, then 50 more: the tail joins the last window, not another one.
    const longer = `${distinctWords(600)} ${'again '.repeat(50)}`;
    expect(partMetrics(longer).distinct1).toBeCloseTo((1 + 1 + 201 / 250) / 3, 10);
  });

  it('ends sentences at . ! ? and their CJK forms, also before a closing quote, not inside numbers', () => {
    const sentence = (end: string) => `${distinctWords(9)} 3.5${end}`;
    const text = [
      sentence('.'),
      sentence('!'),
      sentence('?'),
      `"${sentence('!"')}`,
      `(${sentence('.)')}`,
      sentence('。'),
    ].join(' ');
    const metrics = partMetrics(text);
    expect(metrics.tokens).toBe(6 * 11);
    expect(metrics.sentenceLength).toBe(11);
  });

  it('counts a part without sentence ends as one sentence', () => {
    expect(partMetrics(distinctWords(60)).sentenceLength).toBe(60);
  });

  it('leaves closed code fences out', () => {
    const text = `${distinctWords(60)}\n\n\`\`\`\n${distinctWords(100, 60)}\n\`\`\`\n`;
    expect(partMetrics(text).tokens).toBe(60);
  });
});
