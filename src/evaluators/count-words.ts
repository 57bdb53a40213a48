import { codePointAtIndex, codePointBefore, isWordCodePoint } from './word-code-point.js';

/**
 * Counts words the way LongBench-Write does, so lengths are comparable with its published
 * scores: every CJK ideograph in U+4E00–U+9FFF counts one, and every run of ASCII letters
 * counts one when it stands alone under Python 3 `re`'s Unicode `\b` (the characters on both
 * sides are not letters, digits or `_` of any script).
 *
 * So "long-form" is 2 and "don't" is 2 (`don`, `t`); "naïve" is 0 (the run is glued to `ï`);
 * "GPT-4o" is 1 (`GPT` stands alone, `o` is glued to `4`); "AI模型" is 2 (the two ideographs;
 * `AI` is glued to `模`); full-width letters such as "ＡＢＣ" are 0.
 *
 * One pass over the UTF-16 code units, no regular expression over the whole text: linear time.
 * Pure.
 */
export function countWords(text: string): number {
  let count = 0;
  const length = text.length;
  let index = 0;
  while (index < length) {
    const code = text.charCodeAt(index);
    if (code >= 0x4e00 && code <= 0x9fff) {
      count++;
      index++;
    } else if (isAsciiLetter(code)) {
      const start = index;
      do index++;
      while (index < length && isAsciiLetter(text.charCodeAt(index)));
      const gluedBefore = isWordCodePoint(codePointBefore(text, start));
      if (!gluedBefore && !isWordCodePoint(codePointAtIndex(text, index))) count++;
    } else {
      index++;
    }
  }
  return count;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}
