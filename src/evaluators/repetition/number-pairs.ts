/**
 * Numbers the pairs (left[i], right[i]) in order of first appearance: equal pairs get equal
 * numbers, and `fresh[i]` is 1 where a pair appears for the first time. Open addressing over
 * typed arrays, so a long text's n-grams are numbered in linear time without allocating a key
 * per n-gram. Pure.
 */
export function numberPairs({ left, right }: { left: Int32Array; right: Int32Array }): {
  numbers: Int32Array;
  fresh: Uint8Array;
} {
  const count = Math.min(left.length, right.length);
  let capacity = 16;
  while (capacity < count * 2) capacity *= 2;
  const mask = capacity - 1;
  const keysLeft = new Int32Array(capacity);
  const keysRight = new Int32Array(capacity);
  const values = new Int32Array(capacity).fill(-1);
  const numbers = new Int32Array(count);
  const fresh = new Uint8Array(count);
  let next = 0;
  for (let index = 0; index < count; index++) {
    const a = left[index] ?? 0;
    const b = right[index] ?? 0;
    let slot = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77)) & mask;
    while (true) {
      const value = values[slot] ?? -1;
      if (value < 0) {
        keysLeft[slot] = a;
        keysRight[slot] = b;
        values[slot] = next;
        numbers[index] = next++;
        fresh[index] = 1;
        break;
      }
      if (keysLeft[slot] === a && keysRight[slot] === b) {
        numbers[index] = value;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return { numbers, fresh };
}
