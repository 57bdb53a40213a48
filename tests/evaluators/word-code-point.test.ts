import { describe, expect, it } from 'vitest';
import {
  codePointAtIndex,
  codePointBefore,
  isWordCodePoint,
} from '../../src/evaluators/word-code-point.js';

const code = (character: string) => character.codePointAt(0) ?? -1;

describe('isWordCodePoint', () => {
  it.each([
    ['a', true],
    ['Z', true],
    ['0', true],
    ['9', true],
    ['_', true],
    ['-', false],
    [' ', false],
    ['`', false],
    ['{', false],
    ['@', false],
    ['[', false],
    ['/', false],
    [':', false],
    ['é', true],
    ['模', true],
    ['½', true],
    ['\u0301', false],
    ['\u{1d400}', true],
    ['\u{1f600}', false],
  ])('%j is a word character: %s', (character, expected) => {
    expect(isWordCodePoint(code(character))).toBe(expected);
    // Asked twice: the second answer comes from the cache.
    expect(isWordCodePoint(code(character))).toBe(expected);
  });

  it('is false for no character and for values past Unicode', () => {
    expect(isWordCodePoint(-1)).toBe(false);
    expect(isWordCodePoint(0x110000)).toBe(false);
  });
});

describe('codePointBefore', () => {
  it('joins a surrogate pair that ends before the index, and is -1 at the start', () => {
    const text = 'a\u{1d400}b';
    expect(codePointBefore(text, 0)).toBe(-1);
    expect(codePointBefore(text, 1)).toBe(code('a'));
    expect(codePointBefore(text, 3)).toBe(0x1d400);
  });

  it('gives a lone low surrogate as it is', () => {
    expect(codePointBefore('\udc00x', 1)).toBe(0xdc00);
    expect(codePointBefore('a\udc00', 2)).toBe(0xdc00);
  });
});

describe('codePointAtIndex', () => {
  it('joins a surrogate pair that starts at the index, and is -1 past the end', () => {
    const text = '\u{1d400}b';
    expect(codePointAtIndex(text, 0)).toBe(0x1d400);
    expect(codePointAtIndex(text, 2)).toBe(code('b'));
    expect(codePointAtIndex(text, 3)).toBe(-1);
  });
});
