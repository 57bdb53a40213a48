/** LongBench-Write's required-length buckets; the last one includes 20,000. */
export type LengthBucket = '[0,500)' | '[500,2000)' | '[2000,4000)' | '[4000,20000]' | '>20000';

/** The buckets in order, for tables that report scores by required length. */
export const lengthBuckets: readonly LengthBucket[] = [
  '[0,500)',
  '[500,2000)',
  '[2000,4000)',
  '[4000,20000]',
  '>20000',
];

/**
 * The LongBench-Write bucket of a required length: [0,500), [500,2k), [2k,4k), [4k,20k].
 * Lengths above 20,000 words, which the benchmark does not have, get their own `>20000`. Pure.
 */
export function lengthBucket(required: number): LengthBucket {
  if (required < 500) return '[0,500)';
  if (required < 2_000) return '[500,2000)';
  if (required < 4_000) return '[2000,4000)';
  if (required <= 20_000) return '[4000,20000]';
  return '>20000';
}
