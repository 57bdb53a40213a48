import { countWords } from '../count-words.js';
import { functionWords } from '../repetition/function-words.js';
import { tokenizeText } from '../repetition/tokenize-text.js';
import { type ReferenceFrequencies, referenceFrequencies } from './reference-frequencies.js';
import { type SlopList, shippedSlopList } from './slop-list.js';
import type { SlopResult } from './slop-result-schema.js';

/** Entries listed in the report. */
const listed = 10;

/**
 * The slop measure, after EQ-Bench's slop index: how often the text uses the listed over-used
 * phrases, per 1,000 words (each occurrence counts one; phrases match whole tokens,
 * case-insensitively, curly apostrophes read as straight ones, the longest listed phrase at a spot counting once), and the words it uses most
 * out of proportion to everyday English: words of four letters or more, not function words,
 * used at least three times, ranked by (count / tokens) ÷ ((reference count + 1) / reference
 * total). Reported only: nothing is flagged by it. Pure but for the list and reference,
 * loaded once.
 */
export function evaluateSlop({
  text,
  list = shippedSlopList(),
  reference = referenceFrequencies(),
  skip = [],
}: {
  text: string;
  list?: SlopList;
  reference?: ReferenceFrequencies;
  /** Ranges to leave out (closed code fences). */
  skip?: ReadonlyArray<readonly [number, number]>;
}): SlopResult {
  const normalised = text.replace(/’/g, "'");
  const { ids, vocabulary } = tokenizeText({ text: normalised, skip });
  const tokens = Array.from(ids, (id) => vocabulary[id] ?? '');
  const phraseCounts = countPhrases({ tokens, phrases: list.phrases });
  const matches = [...phraseCounts.values()].reduce((sum, count) => sum + count, 0);
  const words = countWords(text);
  return {
    list: list.name,
    words,
    matches,
    ratePer1000: words === 0 ? 0 : (matches / words) * 1000,
    phrases: [...phraseCounts.entries()]
      .sort(([left, a], [right, b]) => b - a || left.localeCompare(right))
      .slice(0, listed)
      .map(([phrase, count]) => ({ phrase, count })),
    reference: reference.name,
    overRepresented: overRepresented({ tokens, reference }),
  };
}

/**
 * Occurrences of each phrase found, scanning the tokens once: at each token the longest listed
 * phrase that starts there counts, and the scan goes on after it, so "a testament to" counts
 * once, not also as "testament to".
 */
function countPhrases({
  tokens,
  phrases,
}: {
  tokens: readonly string[];
  phrases: readonly string[];
}): Map<string, number> {
  const byFirst = new Map<string, Array<{ phrase: string; words: string[] }>>();
  for (const phrase of new Set(phrases.map((each) => each.toLowerCase().replace(/’/g, "'")))) {
    const { ids, vocabulary } = tokenizeText({ text: phrase });
    const words = Array.from(ids, (id) => vocabulary[id] ?? '');
    const first = words[0];
    if (first === undefined) continue;
    byFirst.set(first, [...(byFirst.get(first) ?? []), { phrase, words }]);
  }
  for (const candidates of byFirst.values()) {
    candidates.sort((left, right) => right.words.length - left.words.length);
  }
  const counts = new Map<string, number>();
  let start = 0;
  while (start < tokens.length) {
    const found = (byFirst.get(tokens[start] ?? '') ?? []).find(({ words }) =>
      words.every((word, offset) => tokens[start + offset] === word),
    );
    if (found) counts.set(found.phrase, (counts.get(found.phrase) ?? 0) + 1);
    start += found ? found.words.length : 1;
  }
  return counts;
}

function overRepresented({
  tokens,
  reference,
}: {
  tokens: readonly string[];
  reference: ReferenceFrequencies;
}): SlopResult['overRepresented'] {
  const counts = new Map<string, number>();
  for (const token of tokens) {
    if (token.length >= 4 && /^[a-z]+$/.test(token) && !functionWords.has(token))
      counts.set(token, (counts.get(token) ?? 0) + 1);
  }
  return [...counts.entries()]
    .filter(([, count]) => count >= 3)
    .map(([word, count]) => {
      const referenceCount = reference.counts.get(word) ?? 0;
      const share = count / tokens.length;
      const referenceShare = (referenceCount + 1) / reference.total;
      return {
        word,
        count,
        perThousand: share * 1000,
        referencePerMillion: (referenceCount / reference.total) * 1_000_000,
        ratio: share / referenceShare,
      };
    })
    .sort((left, right) => right.ratio - left.ratio || left.word.localeCompare(right.word))
    .slice(0, listed);
}
