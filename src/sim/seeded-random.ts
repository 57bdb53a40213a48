import { hashParts } from './hash-parts.js';

/** A deterministic source of random choices. Never `Math.random`: replies must be repeatable. */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** A whole number in [minimum, maximum], both included. */
  integer(minimum: number, maximum: number): number;
  /** A float in [minimum, maximum). */
  between(minimum: number, maximum: number): number;
  /** True with probability `probability`. */
  chance(probability: number): boolean;
  /** One item of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** A new independent stream, derived from this one's seed and a label. */
  fork(label: string): SeededRandom;
}

/**
 * A seeded generator (sfc32) keyed by a hash of `parts`, e.g. `[seed, 'text', prompt]`, so each
 * aspect of a reply draws from its own stream and changing one knob does not reshuffle the rest.
 */
export function createSeededRandom(parts: readonly (string | number)[]): SeededRandom {
  const digest = hashParts(parts);
  let a = digest.readUInt32LE(0);
  let b = digest.readUInt32LE(4);
  let c = digest.readUInt32LE(8);
  let d = digest.readUInt32LE(12);
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4_294_967_296;
  };
  // Warm-up rounds, as sfc32's authors advise, so nearby seeds diverge at once.
  for (let round = 0; round < 12; round++) next();

  const random: SeededRandom = {
    next,
    integer: (minimum, maximum) => minimum + Math.floor(next() * (maximum - minimum + 1)),
    between: (minimum, maximum) => minimum + next() * (maximum - minimum),
    chance: (probability) => next() < probability,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('cannot pick from an empty list');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    fork: (label) => createSeededRandom([...parts, 'fork', label, Math.floor(next() * 2 ** 32)]),
  };
  return random;
}
