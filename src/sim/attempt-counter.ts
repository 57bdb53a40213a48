/**
 * Counts how often each prompt has been sent, so the fault draw of a retry differs from the
 * first try's. Forgets the least recently seen prompts past `capacity`.
 */
export class AttemptCounter {
  readonly #counts = new Map<string, number>();
  readonly #capacity: number;

  constructor({ capacity = 50_000 }: { capacity?: number } = {}) {
    this.#capacity = capacity;
  }

  /** Records one more attempt of `key` and returns its number, 1 for the first. */
  next(key: string): number {
    const attempt = (this.#counts.get(key) ?? 0) + 1;
    this.#counts.delete(key);
    this.#counts.set(key, attempt);
    if (this.#counts.size > this.#capacity) {
      const oldest = this.#counts.keys().next().value;
      if (oldest !== undefined) this.#counts.delete(oldest);
    }
    return attempt;
  }
}
