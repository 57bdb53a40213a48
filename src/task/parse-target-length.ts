/** A length found in a request, and how it was stated. */
export interface TargetLength {
  words: number;
  unit: 'words' | 'characters' | 'pages';
  /** The phrase it was read from, e.g. "10,000-word". */
  phrase: string;
}

const number = String.raw`(\d{1,3}(?:[,\s ]\d{3})+|\d+(?:\.\d+)?)\s*(k|K|thousand)?`;
const patterns: Array<{ unit: TargetLength['unit']; regex: RegExp }> = [
  { unit: 'words', regex: new RegExp(String.raw`${number}[\s-]*(?:words?|word-long)\b`, 'g') },
  { unit: 'pages', regex: new RegExp(String.raw`${number}[\s-]*pages?\b`, 'g') },
  // Chinese: 4000字, 4000个字, 不少于4000字, 5千字, 1万字.
  { unit: 'characters', regex: /(\d+(?:\.\d+)?)\s*(千|万)?\s*(?:个)?(?:汉)?字/g },
  { unit: 'words', regex: /(\d+(?:\.\d+)?)\s*(千|万)?\s*(?:个)?(?:单词|词)/g },
  { unit: 'pages', regex: /(\d+(?:\.\d+)?)\s*(千|万)?\s*页/g },
];

/**
 * Reads the requested length from a request: "a 10,000-word guide", "5000 words", "10k words",
 * "不少于4000字", "50 pages" (at `wordsPerPage`). When several are stated, the largest wins: a
 * request for "a 20,000-word report with 500-word sections" wants 20,000. Pure.
 */
export function parseTargetLength({
  prompt,
  wordsPerPage,
}: {
  prompt: string;
  wordsPerPage: number;
}): TargetLength | undefined {
  let best: TargetLength | undefined;
  for (const { unit, regex } of patterns) {
    for (const match of prompt.matchAll(regex)) {
      const value = Number((match[1] ?? '').replace(/[,\s ]/g, ''));
      const scaled = value * multiplier(match[2]);
      const words = Math.round(unit === 'pages' ? scaled * wordsPerPage : scaled);
      if (!Number.isFinite(words) || words <= 0) continue;
      if (!best || words > best.words) best = { words, unit, phrase: match[0].trim() };
    }
  }
  return best;
}

function multiplier(suffix: string | undefined): number {
  if (suffix === 'k' || suffix === 'K' || suffix === 'thousand' || suffix === '千') return 1_000;
  if (suffix === '万') return 10_000;
  return 1;
}
