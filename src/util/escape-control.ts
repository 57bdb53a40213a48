/**
 * Makes text safe to print on a terminal: C0 and C1 control characters (escape sequences that
 * move the cursor, recolour or retitle the terminal, a bell, a carriage return that hides what
 * came before), DEL and the invisible bidirectional and zero-width marks that can make a line
 * read differently from what it holds, each become a visible `\xNN` or `\u{NNNN}`. Text read
 * from a damaged or hostile file reaches error lines through this. Tabs become spaces. Pure.
 */
export function escapeControl(text: string): string {
  return text.replace(unsafeCharacters, (character) => {
    if (character === '\t') return ' ';
    const code = character.codePointAt(0) ?? 0;
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u{${code.toString(16).padStart(4, '0')}}`;
  });
}

// C0 controls (newlines included: an error is one line), DEL, C1 controls, and the format
// characters that reorder or hide text: bidi embeddings, overrides and isolates, zero-width
// characters, the line and paragraph separators.
const unsafeCharacters =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
