const boundary =
  /(?:[.!?…]+["'”’)\]]*(?=\s|$|[\u3000-\u9fff])|[。！？]+[”’」』）)]*|[:：](?=[ \t]*(?:\n|$))|\n)\s*/g;

/**
 * Splits text into sentences, each with the space after it, so that joining them gives the
 * text back. A sentence ends at `.`, `!`, `?` or `…` before a space (or a Chinese character),
 * at `。！？`, at a colon ending a line, and at every line break. Good enough for finding the
 * first and last sentences of an answer; not a linguist's sentence splitter. Pure.
 */
export function splitSentences(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    const end = match.index + match[0].length;
    if (end > start) pieces.push(text.slice(start, end));
    start = end;
  }
  if (start < text.length) pieces.push(text.slice(start));
  return pieces;
}
