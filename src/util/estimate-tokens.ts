/**
 * Estimates the tokens of a text the way quire budgets context and the simulated model reports
 * usage: one token per CJK character (BPE tokenizers spend about one on each), plus one per four
 * other characters (the usual English average). Linear time, no tokenizer download. Pure.
 */
export function estimateTokens(text: string): number {
  const dense = countDenseCharacters(text);
  return dense + Math.ceil((text.length - dense) / 4);
}

/** Characters the estimate counts as a token each: CJK ideographs, kana, Hangul. Pure. */
export function countDenseCharacters(text: string): number {
  let dense = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (
      (code >= 0x4e00 && code <= 0x9fff) ||
      (code >= 0x3040 && code <= 0x30ff) ||
      (code >= 0xac00 && code <= 0xd7af)
    ) {
      dense++;
    }
  }
  return dense;
}
