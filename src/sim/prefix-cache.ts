import { createHash, type Hash } from 'node:crypto';

/**
 * Prompt caching as real providers report it: a prompt is cut into blocks, the first of
 * `minimumTokens` (1,024) tokens and then one every `stepTokens` (128); a call reports as cached
 * the longest run of whole blocks from the start that an earlier call of the same model (or
 * server) also sent. Shorter prompts are never cached. Token positions follow quire's token
 * estimate (one per CJK character, one per four other characters), so the numbers agree with
 * `estimateTokens`. Blocks are remembered by a hash of the whole prefix up to their end, so a
 * hit means the entire prefix matched; the least recently used are forgotten past `capacity`.
 * Blocks end at `maximumTokens` (262,144): a longer prompt reports at most that many cached,
 * and the work of one lookup stays bounded however large a prompt a client sends.
 */
export class PrefixCache {
  readonly #minimumTokens: number;
  readonly #stepTokens: number;
  readonly #capacity: number;
  readonly #maximumTokens: number;
  readonly #blocks = new Map<string, number>();

  constructor({
    minimumTokens = 1024,
    stepTokens = 128,
    capacity = 200_000,
    maximumTokens = 262_144,
  }: {
    minimumTokens?: number;
    stepTokens?: number;
    capacity?: number;
    maximumTokens?: number;
  } = {}) {
    this.#minimumTokens = minimumTokens;
    this.#stepTokens = stepTokens;
    this.#capacity = capacity;
    this.#maximumTokens = maximumTokens;
  }

  /** Returns how many of `prompt`'s tokens were cached, and remembers its blocks. */
  lookupAndStore(prompt: string): number {
    const boundaries = this.#boundaries(prompt);
    let cached = 0;
    for (let index = boundaries.length - 1; index >= 0; index--) {
      const boundary = boundaries[index];
      if (boundary !== undefined && this.#blocks.has(boundary.key)) {
        cached = boundary.tokens;
        break;
      }
    }
    for (const { key, tokens } of boundaries) {
      this.#blocks.delete(key);
      this.#blocks.set(key, tokens);
    }
    while (this.#blocks.size > this.#capacity) {
      const oldest = this.#blocks.keys().next().value;
      if (oldest === undefined) break;
      this.#blocks.delete(oldest);
    }
    return cached;
  }

  /** The end of every whole block of `prompt`, with the hash of the prefix up to it. */
  #boundaries(prompt: string): { key: string; tokens: number }[] {
    const boundaries: { key: string; tokens: number }[] = [];
    const hash: Hash = createHash('sha256');
    let next = this.#minimumTokens;
    let dense = 0;
    let other = 0;
    let hashedUpTo = 0;
    for (let index = 0; index < prompt.length && next <= this.#maximumTokens; index++) {
      if (isDenseCharacter(prompt.charCodeAt(index))) dense++;
      else other++;
      const tokens = dense + Math.ceil(other / 4);
      if (tokens < next) continue;
      hash.update(prompt.slice(hashedUpTo, index + 1));
      hashedUpTo = index + 1;
      boundaries.push({ key: hash.copy().digest('base64'), tokens: next });
      next += this.#stepTokens;
    }
    return boundaries;
  }
}

/** Characters `estimateTokens` counts as one token each (CJK, kana, Hangul). */
function isDenseCharacter(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3040 && code <= 0x30ff) ||
    (code >= 0xac00 && code <= 0xd7af)
  );
}
