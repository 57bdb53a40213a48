// Python's `re` treats a character as a word character when `str.isalnum()` is true or it is
// `_`: Unicode letters (L*) and numbers (Nd, Nl, No), and nothing else (combining marks are
// not word characters there, unlike in ICU). `[\p{L}\p{N}_]` is exactly that set; the only
// differences are letters added in Unicode versions newer than the Python in use.
const wordPattern = /^[\p{L}\p{N}_]$/u;

// 0 = not computed yet, 1 = word character, 2 = not a word character. Filled lazily so a
// document only pays for the characters it contains.
const basicPlaneCache = new Uint8Array(0x10000);

/**
 * True when the code point is a word character under Python 3 `re` Unicode semantics
 * (letter, number or underscore). Negative values (no character) are not word characters.
 */
export function isWordCodePoint(codePoint: number): boolean {
  if (codePoint < 0x80) {
    return (
      (codePoint >= 0x61 && codePoint <= 0x7a) ||
      (codePoint >= 0x41 && codePoint <= 0x5a) ||
      (codePoint >= 0x30 && codePoint <= 0x39) ||
      codePoint === 0x5f
    );
  }
  if (codePoint < 0x10000) {
    let known = basicPlaneCache[codePoint];
    if (known === 0) {
      known = wordPattern.test(String.fromCharCode(codePoint)) ? 1 : 2;
      basicPlaneCache[codePoint] = known;
    }
    return known === 1;
  }
  return codePoint <= 0x10ffff && wordPattern.test(String.fromCodePoint(codePoint));
}

/** The code point that ends just before `index`, joining a surrogate pair; -1 at the start. */
export function codePointBefore(text: string, index: number): number {
  if (index <= 0) return -1;
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
}

/** The code point starting at `index`, joining a surrogate pair; -1 past the end. */
export function codePointAtIndex(text: string, index: number): number {
  return index < text.length ? (text.codePointAt(index) ?? -1) : -1;
}
