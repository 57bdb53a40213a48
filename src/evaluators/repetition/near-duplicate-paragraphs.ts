import type { Paragraph } from './split-paragraphs.js';

/** Two paragraphs that say much the same thing. `first` comes before `second` in the text. */
export interface ParagraphPair {
  first: Paragraph;
  second: Paragraph;
  /** Shared shingles / shingles in either (Jaccard similarity of the shingle sets). */
  jaccard: number;
  /** Shared shingles / shingles of the smaller paragraph: catches one paragraph inside another. */
  containment: number;
}

/**
 * Finds near-duplicate paragraphs anywhere in the text by shingling: each paragraph becomes
 * the set of its `shingleSize`-token sequences (tokens are words, and single characters in CJK
 * scripts, so CJK text gets character shingles). Candidate pairs come from an inverted index,
 * so the cost follows the shingles actually shared, not the square of the paragraph count.
 * Returns the pairs at or above `threshold` Jaccard, or `containmentThreshold` containment,
 * most similar first. Pure.
 */
export function nearDuplicateParagraphs({
  ids,
  offsets,
  paragraphs,
  shingleSize = 5,
  minShingles = 8,
  threshold = 0.5,
  containmentThreshold = 0.8,
}: {
  ids: Int32Array;
  offsets: Int32Array;
  paragraphs: readonly Paragraph[];
  shingleSize?: number;
  /** Paragraphs with fewer shingles are too short to compare. */
  minShingles?: number;
  threshold?: number;
  containmentThreshold?: number;
}): { compared: number; pairs: ParagraphPair[] } {
  const shingleSets = shingleParagraphs({ ids, offsets, paragraphs, shingleSize });
  const compared = shingleSets.filter((set) => set.size >= minShingles).length;
  const holders = new Map<number, number[]>();
  shingleSets.forEach((set, paragraph) => {
    if (set.size < minShingles) return;
    for (const shingle of set) {
      const list = holders.get(shingle);
      if (list) list.push(paragraph);
      else holders.set(shingle, [paragraph]);
    }
  });

  const count = paragraphs.length;
  const shared = new Map<number, number>();
  for (const list of holders.values()) {
    // A shingle held by very many paragraphs (boilerplate) would make this quadratic; pairing
    // each holder with the first one still links every copy of a mass-duplicated paragraph.
    const pairsOf =
      list.length > 64 ? list.slice(1).map((other) => [list[0] ?? 0, other]) : allPairs(list);
    for (const [left = 0, right = 0] of pairsOf) {
      const key = left * count + right;
      shared.set(key, (shared.get(key) ?? 0) + 1);
    }
  }

  const pairs: ParagraphPair[] = [];
  for (const [key, common] of shared) {
    const left = Math.floor(key / count);
    const right = key % count;
    const leftSize = shingleSets[left]?.size ?? 0;
    const rightSize = shingleSets[right]?.size ?? 0;
    const jaccard = common / (leftSize + rightSize - common);
    const containment = common / Math.min(leftSize, rightSize);
    if (jaccard >= threshold || containment >= containmentThreshold) {
      pairs.push({
        first: paragraphs[left] as Paragraph,
        second: paragraphs[right] as Paragraph,
        jaccard,
        containment,
      });
    }
  }
  return {
    compared,
    pairs: pairs.sort(
      (a, b) =>
        b.jaccard - a.jaccard || b.containment - a.containment || a.second.start - b.second.start,
    ),
  };
}

function shingleParagraphs({
  ids,
  offsets,
  paragraphs,
  shingleSize,
}: {
  ids: Int32Array;
  offsets: Int32Array;
  paragraphs: readonly Paragraph[];
  shingleSize: number;
}): Array<Set<number>> {
  let token = 0;
  return paragraphs.map((paragraph) => {
    while (token < offsets.length && (offsets[token] ?? 0) < paragraph.start) token++;
    const first = token;
    while (token < offsets.length && (offsets[token] ?? 0) < paragraph.end) token++;
    const set = new Set<number>();
    for (let index = first; index + shingleSize <= token; index++)
      set.add(shingleHash(ids, index, shingleSize));
    return set;
  });
}

/** A 52-bit hash of `size` ids (two independent 32-bit FNV-style hashes combined). */
function shingleHash(ids: Int32Array, index: number, size: number): number {
  let high = 0x811c9dc5;
  let low = 0x01000193;
  for (let offset = 0; offset < size; offset++) {
    const id = ids[index + offset] ?? 0;
    high = Math.imul(high ^ id, 0x01000193);
    low = Math.imul(low ^ id, 0x5bd1e995) ^ (low >>> 15);
  }
  return (high >>> 0) * 0x100000 + (low >>> 12);
}

function allPairs(list: readonly number[]): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  for (let left = 0; left < list.length; left++) {
    for (let right = left + 1; right < list.length; right++)
      pairs.push([list[left] ?? 0, list[right] ?? 0]);
  }
  return pairs;
}
