// CJK ideographs and full-width punctuation go out one or two at a time, as tokenizers split
// them; everything else a word (at most 16 characters) with the white space after it.
const piece =
  /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]{1,2}|[^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]{1,16}\s*|\s+/gu;

/**
 * Splits a reply into the pieces a stream sends, roughly one token each. Joining the pieces
 * gives back the text exactly. Pure.
 */
export function splitIntoDeltas(text: string): string[] {
  return text.match(piece) ?? [];
}
