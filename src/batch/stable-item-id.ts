import { createHash } from 'node:crypto';

/**
 * The stable id of a benchmark or SFT item: the first 16 hex digits of the SHA-256 of its prompt
 * and target length. The same instruction always gets the same id, whatever its position in the
 * file, so a re-run skips exactly the items already written. Pure.
 */
export function stableItemId({ prompt, length }: { prompt: string; length?: number }): string {
  return createHash('sha256')
    .update(JSON.stringify([prompt, length ?? null]))
    .digest('hex')
    .slice(0, 16);
}
