import type { SeededRandom } from './seeded-random.js';

/**
 * Breaks a JSON text the ways models do: cut off before the end, a trailing comma, a key
 * without quotes, or single quotes. The result never parses. Pure apart from the draw.
 */
export function malformJson({ text, random }: { text: string; random: SeededRandom }): string {
  const candidates = [
    () => text.slice(0, Math.max(1, Math.floor(text.length * random.between(0.3, 0.9)))),
    () => text.replace(/([}\]])\s*$/, ',$1'),
    () => text.replace(/"([A-Za-z_][\w-]*)"\s*:/, '$1:'),
    () => text.replaceAll('"', "'"),
  ];
  for (let attempt = 0; attempt < 8; attempt++) {
    const broken = random.pick(candidates)();
    if (!parses(broken)) return broken;
  }
  // Text with no quotes, keys or brackets to break (a bare number, say) still must not parse.
  return `${text}}`;
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
