import type { LongbenchResult } from './longbench-result-schema.js';

/** How much the length of one item's answers varies between samples. */
export interface ItemLengthStability {
  /** Line of the item in the data file. */
  line: number;
  /** Required length. */
  length: number;
  /** Words of each sample, in sample order. */
  lengths: number[];
  /** Mean words over the samples. */
  mean: number;
  /** Coefficient of variation: population standard deviation / mean; null when the mean is 0. */
  cv: number | null;
}

/** Length stability over a run where items were answered several times (VOLTBench's measure). */
export interface LengthStability {
  /** Most samples of one item. */
  samples: number;
  /** Items with at least two samples, in file order. */
  items: ItemLengthStability[];
  /** Mean of the items' CV: the run's length volatility. */
  meanCv: number | null;
  /** The highest item CV. */
  maxCv: number | null;
}

/**
 * The coefficient of variation of the output length (LongBench-Write words) per item over its
 * samples, and its mean over the items: 0 when a model always writes the same length, 0.5 when
 * its lengths typically stray half the mean from it. Null when no item has two samples. Pure.
 */
export function lengthStability({
  results,
}: {
  results: readonly LongbenchResult[];
}): LengthStability | null {
  const byLine = new Map<number, LongbenchResult[]>();
  for (const result of results)
    byLine.set(result.line, [...(byLine.get(result.line) ?? []), result]);
  const items = [...byLine.values()]
    .filter((samples) => samples.length >= 2)
    .map((samples): ItemLengthStability => {
      const ordered = [...samples].sort((left, right) => left.sample - right.sample);
      const lengths = ordered.map((sample) => sample.response_length);
      const mean = lengths.reduce((sum, value) => sum + value, 0) / lengths.length;
      const variance =
        lengths.reduce((sum, value) => sum + (value - mean) ** 2, 0) / lengths.length;
      return {
        line: ordered[0]?.line ?? 0,
        length: ordered[0]?.length ?? 0,
        lengths,
        mean,
        cv: mean === 0 ? null : Math.sqrt(variance) / mean,
      };
    })
    .sort((left, right) => left.line - right.line);
  if (items.length === 0) return null;
  const cvs = items.flatMap((item) => (item.cv === null ? [] : [item.cv]));
  return {
    samples: Math.max(...items.map((item) => item.lengths.length)),
    items,
    meanCv: cvs.length === 0 ? null : cvs.reduce((sum, value) => sum + value, 0) / cvs.length,
    maxCv: cvs.length === 0 ? null : Math.max(...cvs),
  };
}
