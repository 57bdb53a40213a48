import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** `evals/slop-phrases.json`: the phrases whose rate marks over-used LLM phrasing. */
export const SlopListSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().min(1),
    source: z.string().min(1).describe('Where the list comes from, and how it was made.'),
    phrases: z.array(z.string().trim().min(1)).min(1),
  })
  .strict();

export type SlopList = z.infer<typeof SlopListSchema>;

/** The list shipped with quire (two levels up from both `src/evaluators/slop` and `dist/…`). */
export const defaultSlopListPath = fileURLToPath(
  new URL('../../../evals/slop-phrases.json', import.meta.url),
);

let shipped: SlopList | undefined;

/** The slop phrase list shipped in `evals/`, read and checked once per process. */
export function shippedSlopList(): SlopList {
  shipped ??= SlopListSchema.parse(JSON.parse(readFileSync(defaultSlopListPath, 'utf8')));
  return shipped;
}
