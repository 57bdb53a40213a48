import { describe, expect, it } from 'vitest';
import { evaluateSlop } from '../../../src/evaluators/slop/evaluate-slop.js';
import { shippedSlopList } from '../../../src/evaluators/slop/slop-list.js';
import { parseMarkdown } from '../../../src/markdown/parse-markdown.js';

const list = (phrases: string[]) => ({
  name: 'test-list',
  description: 'phrases for a test',
  source: 'this test',
  phrases,
});

describe('evaluateSlop', () => {
  it('counts listed phrases per 1,000 words, the longest at a spot once, curly apostrophes too', () => {
    const text =
      'It is a testament to the team. Another testament to patience. It’s worth noting the tapestry.';
    const slop = evaluateSlop({
      text,
      list: list(['testament to', 'a testament to', "it's worth noting", 'tapestry']),
    });
    expect(slop.phrases).toEqual([
      { phrase: 'a testament to', count: 1 },
      { phrase: "it's worth noting", count: 1 },
      { phrase: 'tapestry', count: 1 },
      { phrase: 'testament to', count: 1 },
    ]);
    expect(slop.matches).toBe(4);
    expect(slop.ratePer1000).toBeCloseTo((4 / slop.words) * 1000, 10);
  });

  it('leaves closed code fences out', () => {
    const text = 'We delve into it.\n\n```\ndelve delve delve\n```\n';
    const slop = evaluateSlop({ text, list: list(['delve']), skip: parseMarkdown(text).fences });
    expect(slop.matches).toBe(1);
  });

  it('ranks words used far more than in everyday English, ignoring common and rare ones', () => {
    const everyday =
      'The family went down to the river with their house keys in the morning. '.repeat(8);
    const text = `${everyday}The multifaceted plan was multifaceted; a multifaceted, multifaceted idea.`;
    const slop = evaluateSlop({ text, list: list(['delve']) });
    const multifaceted = slop.overRepresented.find((entry) => entry.word === 'multifaceted');
    expect(multifaceted).toMatchObject({ count: 4 });
    expect(multifaceted?.ratio).toBeGreaterThan(100);
    expect(slop.overRepresented[0]?.word).toBe('multifaceted');
    expect(slop.overRepresented.map((entry) => entry.word)).not.toContain('with');
    expect(slop.reference).toContain('SUBTLEX-US');
  });

  it('ships a documented list in evals/ with no duplicate phrase', () => {
    const shipped = shippedSlopList();
    const lowered = shipped.phrases.map((phrase) => phrase.toLowerCase());
    expect(new Set(lowered).size).toBe(lowered.length);
    expect(shipped.source.length).toBeGreaterThan(40);
    expect(evaluateSlop({ text: 'We delve into the rich tapestry of it.' }).matches).toBe(2);
  });
});
