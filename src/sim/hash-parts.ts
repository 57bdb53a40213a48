import { createHash } from 'node:crypto';

/**
 * A SHA-256 digest of several values, each length-prefixed so that `['ab', 'c']` and
 * `['a', 'bc']` differ. The root of every deterministic choice the simulated model makes.
 */
export function hashParts(parts: readonly (string | number)[]): Buffer {
  const hash = createHash('sha256');
  for (const part of parts) {
    const text = String(part);
    hash.update(`${text.length}:`);
    hash.update(text);
  }
  return hash.digest();
}
