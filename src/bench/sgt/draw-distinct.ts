import type { SeededRandom } from '../../sim/seeded-random.js';

/** `count` different items of `pool` (all of it when it is smaller), in drawn order. Pure. */
export function drawDistinct<T>({
  random,
  pool,
  count,
}: {
  random: SeededRandom;
  pool: readonly T[];
  count: number;
}): T[] {
  const left = [...pool];
  const drawn: T[] = [];
  while (drawn.length < count && left.length > 0) {
    drawn.push(left.splice(Math.floor(random.next() * left.length), 1)[0] as T);
  }
  return drawn;
}
