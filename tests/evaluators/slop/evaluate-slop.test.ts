import { describe, expect, it } from 'vitest';
import { evaluateSlop } from '../../../src/evaluators/slop/evaluate-slop.js';
import { shippedSlopList } from '../../../src/evaluators/slop/slop-list.js';
import { parseMarkdown } from '../../../src/markdown/parse-markdown.js';

/** A reference corpus of `total` words in which each of `counts` occurs as often as given. */
const reference = (counts: Record<string, number>, total = 1_000_000) => ({
  name: 'test-reference',
  counts: new Map(Object.entries(counts)),
  total,
});

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

  it('reads listed phrases case-insensitively, curly apostrophes as straight, each once', () => {
    const slop = evaluateSlop({
      text: "It's worth noting. IT’S WORTH NOTING again.",
      list: list(['It’s Worth Noting', "it's worth noting"]),
    });
    expect(slop.phrases).toEqual([{ phrase: "it's worth noting", count: 2 }]);
  });

  it('counts the longest listed phrase at a spot, whatever the order of the list', () => {
    const slop = evaluateSlop({
      text: 'A testament to them, a testament.',
      list: list(['a testament', 'a testament to']),
    });
    expect(slop.phrases).toEqual([
      { phrase: 'a testament', count: 1 },
      { phrase: 'a testament to', count: 1 },
    ]);
  });

  it('lists the ten commonest phrases, most frequent first, ties in alphabetical order', () => {
    const phrases = Array.from(
      { length: 12 },
      (_, index) => `phrase${String.fromCharCode(97 + index)}`,
    );
    const text = `${phrases.join(' ')} phrasel phrasek phrasel.`;
    const slop = evaluateSlop({ text, list: list(phrases) });
    expect(slop.matches).toBe(15);
    expect(slop.phrases.map(({ phrase, count }) => `${phrase}×${count}`)).toEqual([
      'phrasel×3',
      'phrasek×2',
      'phrasea×1',
      'phraseb×1',
      'phrasec×1',
      'phrased×1',
      'phrasee×1',
      'phrasef×1',
      'phraseg×1',
      'phraseh×1',
    ]);
  });

  it('gives a rate of 0 for a text without words', () => {
    const slop = evaluateSlop({ text: '', list: list(['delve']), reference: reference({}) });
    expect(slop).toEqual({
      list: 'test-list',
      words: 0,
      matches: 0,
      ratePer1000: 0,
      phrases: [],
      reference: 'test-reference',
      overRepresented: [],
    });
  });

  it('measures each over-represented word against the reference', () => {
    const text = 'Mills grind grain. Mills grind grain. Mills grind grain slowly every day.';
    const slop = evaluateSlop({
      text,
      list: list(['delve']),
      reference: reference({ mills: 9, grind: 99, grain: 999 }),
    });
    // 12 tokens; each of the three words 3 times.
    const entry = (word: string, referenceCount: number) => ({
      word,
      count: 3,
      perThousand: expect.closeTo(250, 10),
      referencePerMillion: expect.closeTo(referenceCount, 10),
      ratio: expect.closeTo(0.25 / ((referenceCount + 1) / 1_000_000), 6),
    });
    expect(slop.overRepresented).toEqual([
      entry('mills', 9),
      entry('grind', 99),
      entry('grain', 999),
    ]);
  });

  it('ranks only words of four letters or more, used three times, that are not function words', () => {
    const text = 'cat cat cat mill mill mill ab12 ab12 ab12 does does does dove dove mill';
    const { overRepresented } = evaluateSlop({
      text,
      list: list(['delve']),
      reference: reference({}),
    });
    expect(overRepresented.map((entry) => entry.word)).toEqual(['mill']);
  });

  it('breaks ties between over-represented words alphabetically and keeps ten', () => {
    const words = Array.from(
      { length: 12 },
      (_, index) => `wor${String.fromCharCode(108 - index)}`,
    );
    const text = words.map((word) => `${word} ${word} ${word}`).join(' ');
    const { overRepresented } = evaluateSlop({
      text,
      list: list(['delve']),
      reference: reference({}),
    });
    expect(overRepresented.map((entry) => entry.word)).toEqual([...words].sort().slice(0, 10));
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
