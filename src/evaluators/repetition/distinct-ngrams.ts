/** Distinct n-grams of a stretch of tokens. */
export interface DistinctNgrams {
  /** n-grams in the stretch (tokens − n + 1, or 0). */
  total: number;
  /** Different n-grams among them. */
  distinct: number;
  /** distinct / total: 1 when nothing repeats; 1 as well for a stretch too short to have any. */
  ratio: number;
}

const shift = 0x4000000; // 2^26: two numbers below it pack exactly into one below 2^52.

/**
 * distinct-n of tokens[start, end): the share of n-grams that are different. rep-n is
 * 1 − this ratio. Keys are exact (never a colliding hash): numbers for n ≤ 4, strings beyond.
 * Linear in the stretch. Pure.
 */
export function distinctNgrams({
  ids,
  n,
  start = 0,
  end = ids.length,
}: {
  ids: Int32Array;
  n: number;
  start?: number;
  end?: number;
}): DistinctNgrams {
  const total = Math.max(0, end - start - n + 1);
  if (total === 0) return { total: 0, distinct: 0, ratio: 1 };
  const seen = new Set<number | string>();
  if (n <= 2) {
    for (let index = start; index + n <= end; index++) {
      seen.add(n === 1 ? (ids[index] ?? 0) : (ids[index] ?? 0) * shift + (ids[index + 1] ?? 0));
    }
  } else if (n <= 4) {
    // Number each distinct bigram of the stretch, then a 3- or 4-gram is two small numbers.
    const pairIds = new Int32Array(end - start);
    const pairNumbers = new Map<number, number>();
    for (let index = start; index + 1 < end; index++) {
      const pair = (ids[index] ?? 0) * shift + (ids[index + 1] ?? 0);
      let pairId = pairNumbers.get(pair);
      if (pairId === undefined) {
        pairId = pairNumbers.size;
        pairNumbers.set(pair, pairId);
      }
      pairIds[index - start] = pairId;
    }
    for (let index = start; index + n <= end; index++) {
      const tail = n === 4 ? (pairIds[index - start + 2] ?? 0) : (ids[index + 2] ?? 0);
      seen.add((pairIds[index - start] ?? 0) * shift + tail);
    }
  } else {
    for (let index = start; index + n <= end; index++)
      seen.add(ids.subarray(index, index + n).join(','));
  }
  return { total, distinct: seen.size, ratio: seen.size / total };
}
