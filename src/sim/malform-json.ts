import type { SeededRandom } from './seeded-random.js';

/**
 * Breaks a JSON text the way no reader can mend: the reply stops part-way (a stream that
 * ended early, an output limit hit mid-object). Slips a tolerant reader forgives (a trailing
 * comma, single quotes, an unquoted key) would not be a fault at all. Pure apart from the draw.
 */
export function malformJson({ text, random }: { text: string; random: SeededRandom }): string {
  if (!/^[[{]/.test(text)) return `${text}}`;
  return text.slice(0, Math.max(1, Math.floor(text.length * random.between(0.3, 0.9))));
}
