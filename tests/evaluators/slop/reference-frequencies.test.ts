import { describe, expect, it } from 'vitest';
import { referenceFrequencies } from '../../../src/evaluators/slop/reference-frequencies.js';

describe('referenceFrequencies', () => {
  it('reads SUBTLEX-US once, lower-cased, with the total of all its counts', () => {
    const reference = referenceFrequencies();
    expect(referenceFrequencies()).toBe(reference);
    expect(reference.name).toBe('SUBTLEX-US (51 million words of film and television subtitles)');
    expect(reference.counts.size).toBe(74_286);
    // "I" is listed capitalised in the corpus.
    expect(reference.counts.has('I')).toBe(false);
    expect(reference.counts.get('i')).toBeGreaterThan(reference.counts.get('the') ?? 0);
    let total = 0;
    for (const count of reference.counts.values()) total += count;
    expect(reference.total).toBe(total);
    expect(total).toBeGreaterThan(40_000_000);
  });
});
