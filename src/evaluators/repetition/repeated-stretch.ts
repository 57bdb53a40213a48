/** The longest stretch of a text that says nothing it has not said before. */
export interface RepeatedStretch {
  /** Index of its first token. */
  startToken: number;
  /** Tokens it covers (0: none found). */
  tokens: number;
  /** Share of its tokens that lie in an n-gram already seen earlier in the text. */
  share: number;
}

import { numberPairs } from './number-pairs.js';

/**
 * Marks every token that lies in a 4-gram seen earlier in the text, then slides a window of
 * `windowTokens` over the marks: windows where at least `share` of the tokens are marked are
 * repeats, and overlapping ones join into a stretch. A model caught in a loop (a sentence, a
 * scene, a list item with one word swapped) produces such a stretch, however long its period
 * and whether or not it left blank lines; prose, lists with shared stems, restated formulas
 * and a chorus between verses do not, since something new comes in every window. Linear.
 * Pure.
 */
export function longestRepeatedStretch({
  ids,
  windowTokens = 200,
  share = 0.9,
}: {
  ids: Int32Array;
  windowTokens?: number;
  share?: number;
}): RepeatedStretch {
  const none: RepeatedStretch = { startToken: 0, tokens: 0, share: 0 };
  if (ids.length < windowTokens || ids.length < 4) return none;
  const marked = markRepeats(ids);
  const prefix = new Int32Array(ids.length + 1);
  for (let index = 0; index < ids.length; index++)
    prefix[index + 1] = (prefix[index] ?? 0) + (marked[index] ?? 0);
  const count = (start: number, end: number) => (prefix[end] ?? 0) - (prefix[start] ?? 0);

  const step = Math.max(1, Math.floor(windowTokens / 8));
  let best = none;
  let runStart = -1;
  let runEnd = -1;
  const starts: number[] = [];
  for (let start = 0; start + windowTokens <= ids.length; start += step) starts.push(start);
  if ((starts.at(-1) ?? 0) < ids.length - windowTokens) starts.push(ids.length - windowTokens);
  for (const start of starts) {
    if (count(start, start + windowTokens) < share * windowTokens) continue;
    if (runStart < 0 || start > runEnd) runStart = start;
    runEnd = start + windowTokens;
    if (runEnd - runStart > best.tokens) {
      best = {
        startToken: runStart,
        tokens: runEnd - runStart,
        share: count(runStart, runEnd) / (runEnd - runStart),
      };
    }
  }
  return best;
}

/** 1 at every token inside a 4-gram that occurred earlier in the text. */
function markRepeats(ids: Int32Array): Uint8Array {
  // Bigrams numbered, then 4-grams as pairs of bigrams.
  const bigrams = numberPairs({ left: ids, right: ids.subarray(1) }).numbers;
  const { fresh } = numberPairs({ left: bigrams, right: bigrams.subarray(2) });
  const marked = new Uint8Array(ids.length);
  for (let index = 0; index < fresh.length; index++) {
    if (fresh[index] === 0) marked.fill(1, index, index + 4);
  }
  return marked;
}
