import type { SeededRandom } from './seeded-random.js';

/** How a reply asked for a marked think note gets the marking wrong, when it does. */
export const noteSlips = ['missing', 'unclosed', 'leaked'] as const;

/**
 * A prose reply opened with its marked think note (`@@think`, the note, `@@text`), as the prompt
 * `think-note-marked` asks. A `slip` share of replies get the marking wrong as models do, one
 * way drawn from `noteSlips`: the note left out, the closing marker left out, or a marker
 * repeated inside the section. Pure apart from the draws from `random`.
 */
export function markThinkNote({
  note,
  text,
  slip,
  random,
}: {
  note: string;
  text: string;
  slip: number;
  random: SeededRandom;
}): string {
  const kind = random.chance(slip) ? random.pick(noteSlips) : undefined;
  if (kind === 'missing') return text;
  if (kind === 'unclosed') return `@@think\n${note}\n\n${text}`;
  if (kind === 'leaked') {
    const blocks = text.split('\n\n');
    const leaked = [blocks[0], '@@text', ...blocks.slice(1)].join('\n\n');
    return `@@think\n${note}\n@@text\n\n${leaked}`;
  }
  return `@@think\n${note}\n@@text\n\n${text}`;
}
