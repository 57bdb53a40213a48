/** A small deterministic random source, so a randomised test can be replayed from its seed. */
export interface Random {
  /** A number in [0, 1). */
  next(): number;
  /** A whole number in [low, high]. */
  integer(low: number, high: number): number;
  /** One of `weighted`'s keys, drawn in proportion to its weight. */
  pick<T extends string>(weighted: Record<T, number>): T;
}

/** mulberry32: 32 bits of state, good enough spread for choosing test inputs. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 2 ** 32;
  };
  return {
    next,
    integer: (low, high) => low + Math.floor(next() * (high - low + 1)),
    pick(weighted) {
      const entries = Object.entries(weighted) as Array<[keyof typeof weighted, number]>;
      let roll = next() * entries.reduce((sum, [, weight]) => sum + weight, 0);
      for (const [key, weight] of entries) {
        roll -= weight;
        if (roll < 0) return key;
      }
      return entries.at(-1)![0];
    },
  };
}
