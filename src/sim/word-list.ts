/**
 * Turns a block of text into a list without duplicates: words split on white space, or phrases
 * split on `separator`. Keeps the vocabularies readable as prose-like blocks.
 */
export function wordList(text: string, separator: RegExp = /\s+/): readonly string[] {
  const items = text
    .split(separator)
    .map((item) => item.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
  return [...new Set(items)];
}
