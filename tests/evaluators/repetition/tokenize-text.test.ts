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

  it('takes a text of one word, and a word that starts the text with a combining mark', () => {
    expect(words('solo')).toEqual(['solo']);
    expect(words('e\u0301t\u00e9')).toEqual(['e\u0301t\u00e9']);
  });

  it('leaves out each of several skipped ranges', () => {
    expect(
      words('ab cd ef gh', [
        [0, 2],
        [6, 8],
      ]),
    ).toEqual(['cd', 'gh']);
  });

  it('keeps the first and last ASCII letters and digits inside words', () => {
    expect(words('zaz ZAZ 909 a0z')).toEqual(['zaz', 'zaz', '909', 'a0z']);
  });

  it('keeps a combining mark in its word however often it is seen', () => {
    expect(words('a\u0308b a\u0308b a\u0308b')).toEqual(['a\u0308b', 'a\u0308b', 'a\u0308b']);
  });

  it('splits at every character of the kana and ideograph ranges, first and last ones included', () => {
    for (const character of [
      '\u3040',
      '\u30ff',
      '\u3400',
      '\u4dbf',
      '\u4e00',
      '\u9fff',
      '\uf900',
      '\ufaff',
      '\u{20000}',
      '\u{3134f}',
    ]) {
      expect(words(character.repeat(2))).toEqual([character, character]);
    }
  });

  it('keeps astral letters outside those ranges whole, the first astral letter too', () => {
    const { ids, offsets, vocabulary } = tokenizeText({
      text: '\u{10000}\u{10001} \u{31350}\u{31350}',
    });
    expect(Array.from(ids, (id) => vocabulary[id])).toEqual([
      '\u{10000}\u{10001}',
      '\u{31350}\u{31350}',
    ]);
    expect(Array.from(offsets)).toEqual([0, 5]);
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
