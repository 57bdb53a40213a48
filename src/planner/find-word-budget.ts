/** A word budget found in a line of a plan, and the phrase that stated it. */
export interface FoundWordBudget {
  words: number;
  /** The phrase as written ("- Word Count: 500 words", "(about 600 words)", "约800字"). */
  phrase: string;
}

const number = String.raw`(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)`;
const range = String.raw`${number}(?:\s*(?:-|–|—|to|~)\s*${number})?`;
const approximately = String.raw`(?:approximately|approx\.?|about|around|roughly|~|约|大约)?\s*`;
const patterns = [
  // "- Word Count: 500 words", "Words: 400", "字数要求：500字", "（字数：约800字）"
  new RegExp(
    String.raw`[\s(（\[【|,，;；-]*(?:\*\*|__)?(?:target )?(?:word[- ]?count|words|length|字数要求|字数)(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?\s*${approximately}${range}\s*(?:words?|字)?(?:\*\*|__)?[)）\]】]?`,
    'i',
  ),
  // "(500 words)", "~500 words", "500-word", "400–600 words", "800字"
  new RegExp(
    String.raw`[\s(（\[【|,，;；-]*${approximately}${range}[\s-]*(?:words?\b|字)[)）\]】]?`,
    'i',
  ),
];

/**
 * The word budget a plan line states, in any of the ways models write one; a range counts as
 * its middle. Undefined when the line states none. Pure.
 */
export function findWordBudget(text: string): FoundWordBudget | undefined {
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (!match) continue;
    const low = Number((match[1] ?? '').replaceAll(',', ''));
    const high = match[2] === undefined ? low : Number(match[2].replaceAll(',', ''));
    if (low > 0) return { words: Math.round((low + high) / 2), phrase: match[0] };
  }
  return undefined;
}

/** `text` without the phrase that stated its budget, tidied. Pure. */
export function withoutWordBudget(text: string): string {
  const found = findWordBudget(text);
  const rest = found ? text.replace(found.phrase, ' ') : text;
  return rest
    .replace(/\s*[-–—|:：,，]\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}
