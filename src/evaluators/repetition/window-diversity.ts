import { distinctNgrams } from './distinct-ngrams.js';

/** Diversity of one fixed window of tokens. */
export interface WindowDiversity {
  /** Index of the window's first token. */
  startToken: number;
  distinct1: number;
  distinct2: number;
  /** 1 − distinct-4 within the window. */
  rep4: number;
}

/**
 * distinct-1, distinct-2 and rep-4 over consecutive windows of `windowTokens` tokens, so a
 * local loop is not diluted by the whole text. Every window has the same size (the last one is
 * aligned to the end of the text, overlapping the one before), keeping the numbers comparable;
 * a text shorter than one window is one window. Pure.
 */
export function windowDiversity({
  ids,
  windowTokens,
}: {
  ids: Int32Array;
  windowTokens: number;
}): WindowDiversity[] {
  if (ids.length === 0) return [];
  const starts: number[] = [];
  for (let start = 0; start + windowTokens <= ids.length; start += windowTokens) starts.push(start);
  const lastStart = Math.max(0, ids.length - windowTokens);
  if (starts.length === 0 || (starts.at(-1) ?? 0) < lastStart) starts.push(lastStart);
  return starts.map((start) => {
    const end = Math.min(ids.length, start + windowTokens);
    return {
      startToken: start,
      distinct1: distinctNgrams({ ids, n: 1, start, end }).ratio,
      distinct2: distinctNgrams({ ids, n: 2, start, end }).ratio,
      rep4: 1 - distinctNgrams({ ids, n: 4, start, end }).ratio,
    };
  });
}
