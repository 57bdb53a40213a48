/** A stretch of tokens that repeats one short pattern back to back. */
export interface TokenLoop {
  /** Tokens in the repeating pattern: 1 for one token repeated ("very very very"). */
  period: number;
  /** Index of the first token of the stretch. */
  startToken: number;
  /** Tokens the stretch covers, the first copy of the pattern included. */
  tokens: number;
  /** How many times the pattern occurs: tokens / period. */
  repeats: number;
}

/**
 * The longest stretch where tokens[i] equals tokens[i − period], for each period from 1 to
 * `maxPeriod`; returns the longest run of one token (period 1) and the longest loop of any
 * period. O(tokens × maxPeriod). Pure.
 */
export function longestLoop({ ids, maxPeriod = 12 }: { ids: Int32Array; maxPeriod?: number }): {
  tokenRun: TokenLoop;
  loop: TokenLoop;
} {
  const empty: TokenLoop = {
    period: 1,
    startToken: 0,
    tokens: Math.min(1, ids.length),
    repeats: Math.min(1, ids.length),
  };
  let tokenRun = empty;
  let loop = empty;
  for (let period = 1; period <= maxPeriod; period++) {
    let runStart = -1;
    for (let index = period; index <= ids.length; index++) {
      const repeats = index < ids.length && ids[index] === ids[index - period];
      if (repeats && runStart < 0) runStart = index;
      if (!repeats && runStart >= 0) {
        const startToken = runStart - period;
        const tokens = index - startToken;
        const found = { period, startToken, tokens, repeats: tokens / period };
        if (period === 1 && tokens > tokenRun.tokens) tokenRun = found;
        if (tokens > loop.tokens) loop = found;
        runStart = -1;
      }
    }
  }
  return { tokenRun, loop };
}
