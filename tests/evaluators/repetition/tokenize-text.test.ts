import { describe, expect, it } from 'vitest';
import { tokenizeText } from '../../../src/evaluators/repetition/tokenize-text.js';

function words(text: string, skip?: Array<[number, number]>): string[] {
  const { ids, vocabulary } = tokenizeText({ text, skip });
  return Array.from(ids, (id) => vocabulary[id] ?? '?');
}

describe('tokenizeText', () => {
  it('lower-cases words and keeps inner apostrophes', () => {
    expect(words("Don't STOP—it's l’homme, rock'n'roll!")).toEqual([
      "don't",
      'stop',
      "it's",
      'l’homme',
      "rock'n'roll",
    ]);
  });

  it('keeps accented letters, digits and combining marks inside a word', () => {
    expect(words('naïve cafe\u0301 GPT-4o x²')).toEqual(['naïve', 'cafe\u0301', 'gpt', '4o', 'x²']);
  });

  it('splits CJK into single characters and records offsets', () => {
    const text = 'AI模型 works';
    const { ids, offsets, vocabulary } = tokenizeText({ text });
    expect(Array.from(ids, (id) => vocabulary[id])).toEqual(['ai', '模', '型', 'works']);
    expect(Array.from(offsets)).toEqual([0, 2, 3, 5]);
  });

  it('gives equal tokens equal ids', () => {
    const { ids, vocabulary } = tokenizeText({ text: 'The cat and the CAT' });
    expect(Array.from(ids)).toEqual([0, 1, 2, 0, 1]);
    expect(vocabulary).toEqual(['the', 'cat', 'and']);
  });

  it('leaves out skipped ranges, even mid-word', () => {
    const text = 'alpha ```code here``` omega';
    const start = text.indexOf('```');
    const end = text.lastIndexOf('```') + 3;
    expect(words(text, [[start, end]])).toEqual(['alpha', 'omega']);
    expect(words('abcdef', [[2, 4]])).toEqual(['ab', 'ef']);
  });

  it('splits at every ASCII sign but the underscore', () => {
    expect(words('a@b[c`d{e/f:g_h')).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g_h']);
  });

  it('ends a word at an apostrophe not followed by a letter, and starts none with a mark', () => {
    expect(words("dogs' run 'x o'\u0301 \u0301ab")).toEqual(['dogs', 'run', 'x', 'o', 'ab']);
  });

  it('takes kana, CJK extension and compatibility ideographs one by one, astral ones too', () => {
    const text = '\u3041\u30ff\u3400\uf900\u{20000}\u{3134f}x';
    const { ids, offsets, vocabulary } = tokenizeText({ text });
    expect(Array.from(ids, (id) => vocabulary[id])).toEqual([
      '\u3041',
      '\u30ff',
      '\u3400',
      '\uf900',
      '\u{20000}',
      '\u{3134f}',
      'x',
    ]);
    expect(Array.from(offsets)).toEqual([0, 1, 2, 3, 4, 6, 8]);
  });

  it('keeps astral letters and lower-cases other scripts', () => {
    expect(words('𝐀𝐁 c Ωmega ΣΑΣ')).toEqual(['𝐀𝐁', 'c', 'ωmega', 'σας']);
  });
});
