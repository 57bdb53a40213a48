import { InvalidOptionError } from '../../errors/invalid-option-error.js';
import { tokenizeText } from './tokenize-text.js';

/**
 * The share (0–1) of `text`'s word n-grams, counted with repeats, that also occur in any of
 * the `previous` texts: how much of a new section re-says what earlier sections said. Tokens
 * are lower-cased words (single characters in CJK scripts). 0 when `text` has fewer than `n`
 * tokens. Pure.
 */
export function ngramOverlap({
  text,
  previous,
  n = 5,
}: {
  text: string;
  previous: readonly string[];
  n?: number;
}): number {
  if (!Number.isInteger(n) || n < 1) {
    throw new InvalidOptionError({
      option: 'n',
      expected: 'a whole number of at least 1',
      received: n,
    });
  }
  const seen = new Set<string>();
  for (const earlier of previous) {
    for (const ngram of ngrams(earlier, n)) seen.add(ngram);
  }
  const own = ngrams(text, n);
  if (own.length === 0) return 0;
  let shared = 0;
  for (const ngram of own) if (seen.has(ngram)) shared++;
  return shared / own.length;
}

function ngrams(text: string, n: number): string[] {
  const { ids, vocabulary } = tokenizeText({ text });
  const words = Array.from(ids, (id) => vocabulary[id] ?? '');
  const result: string[] = [];
  for (let index = 0; index + n <= words.length; index++)
    result.push(words.slice(index, index + n).join(' '));
  return result;
}
