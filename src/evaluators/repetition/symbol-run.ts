/** The longest stretch of a text with symbols and no word. */
export interface SymbolRun {
  /** Symbols in it (punctuation, markup, emoji: visible non-word characters). */
  symbols: number;
  /** Character offset of its first symbol. */
  start: number;
  /** Character offset just past its last symbol. */
  end: number;
  /** Its different symbols, in order of first appearance (at most 12). */
  distinct: string[];
}

const wordCharacter = /[\p{L}\p{N}_]/u;
// Whitespace, combining marks and format characters (joiners, variation selectors) neither
// count nor end a stretch: "💧 💧" and "💧\u200d💧" are as much a run of symbols as "💧💧".
const ignored = /\s|\p{M}|\p{Cf}|\p{Emoji_Modifier}/u;

const word = 1;
const symbol = 2;
const skipped = 3;
// Kinds of the basic plane, computed on first sight (0 = not yet known).
const kindCache = new Uint8Array(0x10000);

function kindOf(codePoint: number): number {
  if (codePoint < 0x10000) {
    const known = kindCache[codePoint] ?? 0;
    if (known > 0) return known;
  }
  const character = String.fromCodePoint(codePoint);
  const kind = wordCharacter.test(character) ? word : ignored.test(character) ? skipped : symbol;
  if (codePoint < 0x10000) kindCache[codePoint] = kind;
  return kind;
}

/**
 * Finds the longest stretch made only of symbols: punctuation, markup, emoji, with whitespace
 * between them allowed and no letter or digit of any script. Word-based measures cannot see a
 * model that collapses into "💧💧💧", "** ** **", thousands of lone "." lines or "------"; this
 * can. Characters inside `skip` ranges (closed code fences) are left out. Linear. Pure.
 */
export function longestSymbolRun({
  text,
  skip = [],
}: {
  text: string;
  /** Sorted, non-overlapping [start, end) ranges to leave out. */
  skip?: ReadonlyArray<readonly [number, number]>;
}): SymbolRun {
  let best: SymbolRun = { symbols: 0, start: 0, end: 0, distinct: [] };
  let current: { symbols: number; start: number; end: number } | undefined;
  const finish = () => {
    if (current && current.symbols > best.symbols) {
      best = { ...current, distinct: distinctSymbols(text.slice(current.start, current.end)) };
    }
    current = undefined;
  };
  let skipIndex = 0;
  let index = 0;
  while (index < text.length) {
    const range = skip[skipIndex];
    if (range !== undefined && index >= range[0]) {
      finish();
      index = Math.max(index, range[1]);
      skipIndex++;
      continue;
    }
    const codePoint = text.codePointAt(index) ?? 0;
    const width = codePoint >= 0x10000 ? 2 : 1;
    const kind = kindOf(codePoint);
    if (kind === word) {
      finish();
    } else if (kind === symbol) {
      if (current === undefined) current = { symbols: 0, start: index, end: index };
      current.symbols++;
      current.end = index + width;
    }
    index += width;
  }
  finish();
  return best;
}

function distinctSymbols(stretch: string): string[] {
  const seen: string[] = [];
  for (const character of stretch) {
    if (kindOf(character.codePointAt(0) ?? 0) !== symbol || seen.includes(character)) continue;
    seen.push(character);
    if (seen.length === 12) break;
  }
  return seen;
}
