/** The tokens of a text, for repetition measures: ids, offsets and the vocabulary. */
export interface TextTokens {
  /** Token ids in text order; equal ids mean equal (lower-cased) tokens. */
  ids: Int32Array;
  /** Character offset of each token's first character. */
  offsets: Int32Array;
  /** Token text by id. */
  vocabulary: string[];
}

const other = 0;
const letter = 1;
const mark = 2;
const ideograph = 3;

// Kinds of the basic plane, computed on first sight and stored as kind + 1 (0 = not yet known).
const kindCache = new Uint8Array(0x10000);
const letterPattern = /^[\p{L}\p{N}_]$/u;
const markPattern = /^\p{M}$/u;

/** other, letter (letters, digits, `_` of any script), combining mark, or ideograph/kana. */
function characterKind(code: number): number {
  if (code < 0x80) {
    const isLetter =
      (code >= 0x61 && code <= 0x7a) ||
      (code >= 0x41 && code <= 0x5a) ||
      (code >= 0x30 && code <= 0x39) ||
      code === 0x5f;
    return isLetter ? letter : other;
  }
  if (isIdeographic(code)) return ideograph;
  if (code >= 0x10000) return classify(String.fromCodePoint(code));
  const known = kindCache[code] ?? 0;
  if (known > 0) return known - 1;
  const kind = classify(String.fromCharCode(code));
  kindCache[code] = kind + 1;
  return kind;
}

function classify(character: string): number {
  if (letterPattern.test(character)) return letter;
  return markPattern.test(character) ? mark : other;
}

function isIdeographic(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x3040 && code <= 0x30ff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x20000 && code <= 0x3134f)
  );
}

/**
 * Splits a text into lower-cased tokens: runs of letters and digits of any script (with their
 * combining marks, and an apostrophe between letters: "don't" is one token), and each CJK
 * ideograph or kana on its own, since those scripts do not separate words with spaces.
 * Characters inside `skip` ranges (e.g. fenced code) are ignored. Linear time. Pure.
 */
export function tokenizeText({
  text,
  skip = [],
}: {
  text: string;
  /** Sorted, non-overlapping [start, end) character ranges to leave out. */
  skip?: ReadonlyArray<readonly [number, number]>;
}): TextTokens {
  const ids: number[] = [];
  const offsets: number[] = [];
  const vocabulary: string[] = [];
  const idOf = new Map<string, number>();
  const push = (start: number, end: number) => {
    const token = text.slice(start, end).toLowerCase();
    let id = idOf.get(token);
    if (id === undefined) {
      id = vocabulary.length;
      vocabulary.push(token);
      idOf.set(token, id);
    }
    ids.push(id);
    offsets.push(start);
  };

  let skipIndex = 0;
  let index = 0;
  let tokenStart = -1;
  while (index < text.length) {
    const range = skip[skipIndex];
    if (range !== undefined && index >= range[0]) {
      if (tokenStart >= 0) push(tokenStart, index);
      tokenStart = -1;
      index = Math.max(index, range[1]);
      skipIndex++;
      continue;
    }
    const code = text.codePointAt(index) ?? 0;
    const width = code >= 0x10000 ? 2 : 1;
    const kind = characterKind(code);
    if (kind === letter || (kind === mark && tokenStart >= 0)) {
      if (tokenStart < 0) tokenStart = index;
    } else if (tokenStart >= 0 && isInnerApostrophe(text, index)) {
      // Part of the current token: "don't", "l’homme".
    } else {
      if (tokenStart >= 0) push(tokenStart, index);
      tokenStart = -1;
      if (kind === ideograph) push(index, index + width);
    }
    index += width;
  }
  if (tokenStart >= 0) push(tokenStart, text.length);
  return { ids: Int32Array.from(ids), offsets: Int32Array.from(offsets), vocabulary };
}

function isInnerApostrophe(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code !== 0x27 && code !== 0x2019) return false;
  const next = text.codePointAt(index + 1);
  return next !== undefined && characterKind(next) === letter;
}
