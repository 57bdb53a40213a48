import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countWords } from '../../src/evaluators/count-words.js';
import { createRandom } from '../fixtures/evaluators/build-prose.mjs';

// Expected counts were computed with Python 3's `re` by
// tests/fixtures/evaluators/word-count/compute-expected.py, an independent implementation of
// LongBench-Write's published definition.
const fixtures = 'tests/fixtures/evaluators/word-count';
const cases = JSON.parse(readFileSync(`${fixtures}/cases.json`, 'utf8')) as {
  cases: Array<{ name: string; text: string; words: number }>;
};
const dataDirectory = '../shared/data/longbench-write';

describe('countWords', () => {
  it('has at least 30 reference cases', () => {
    expect(cases.cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases.cases.map((each) => [each.name, each.text, each.words] as const))(
    'matches the reference: %s',
    (_name, text, words) => {
      expect(countWords(text)).toBe(words);
    },
  );

  it.each([
    ['naïve', 0],
    ['GPT-4o', 1],
    ['long-form', 2],
    ['AI模型', 2],
  ])('counts the definition examples: %s → %i', (text, words) => {
    // DESIGN.md lists "GPT-4o" as 0; the reference gives 1 ("GPT" stands between `\b`s, only
    // "o" is glued to "4"), and the reference is what makes scores comparable.
    expect(countWords(text)).toBe(words);
  });

  it('agrees with a regex oracle of the same definition on random mixed-script text', () => {
    // An independent statement of the rule with look-around, applied to many random strings
    // drawn from the characters that decide word boundaries.
    const oracle = (text: string) =>
      (text.match(/[\u4e00-\u9fff]/g)?.length ?? 0) +
      (text.match(/(?<![\p{L}\p{N}_])[a-zA-Z]+(?![\p{L}\p{N}_])/gu)?.length ?? 0);
    const alphabet = [
      ..."abcXYZ 0123_-'.\n\tïé模型のＡ①½😀\u0301\u200b",
      '\ud83d\ude00',
      '\u4e00',
      '\u9fff',
      '\u3400',
    ];
    const random = createRandom(42);
    for (let trial = 0; trial < 3_000; trial++) {
      const length = Math.floor(random() * 24);
      const text = Array.from(
        { length },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join('');
      expect(countWords(text), JSON.stringify(text)).toBe(oracle(text));
    }
  });

  it('does not split a surrogate pair when checking boundaries', () => {
    // U+1D400 MATHEMATICAL BOLD CAPITAL A is a letter outside the basic plane.
    expect(countWords('\u{1d400}abc')).toBe(0);
    expect(countWords('abc\u{1d400}')).toBe(0);
    expect(countWords('\u{1f600}abc\u{1f600}')).toBe(1);
  });

  it('counts a long text of mixed scripts sentence by sentence (its speed is in npm run bench)', () => {
    // 11 words a sentence: The quick brown fox (4), naïvely (0), long-form (2), 跳过了 (3), lazy dogs (2).
    const text = 'The quick brown fox, naïvely long-form, 跳过了 lazy dogs. '.repeat(10_000);
    expect(countWords(text)).toBe(110_000);
  });

  describe.skipIf(!existsSync(dataDirectory))('on the LongBench-Write prompts', () => {
    const expected = JSON.parse(readFileSync(`${fixtures}/longbench-write.json`, 'utf8')) as {
      files: Record<string, Array<{ sha256: string; words: number }>>;
    };
    it.each(Object.keys(expected.files))('matches every prompt of %s', (file) => {
      const rows = readFileSync(`${dataDirectory}/${file}`, 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as { prompt: string });
      const reference = expected.files[file] ?? [];
      expect(rows).toHaveLength(reference.length);
      rows.forEach((row, index) => {
        const hash = createHash('sha256').update(row.prompt, 'utf8').digest('hex').slice(0, 12);
        expect(hash, `prompt ${index} changed`).toBe(reference[index]?.sha256);
        expect(countWords(row.prompt), `prompt ${index}`).toBe(reference[index]?.words);
      });
    });
  });
  if (!existsSync(dataDirectory)) {
    it.skip(`LongBench-Write prompts: ${dataDirectory} is absent (see its SOURCE.md)`, () => {});
  }
});
