import { countWords } from '../../evaluators/count-words.js';
import type { Memory } from './memory-schema.js';

/**
 * Renders the memory for a writer's prompt within `maxWords` words. Recent sections keep all
 * their notes; as the document grows, older sections are compacted to their first note and then
 * to their title alone, and the oldest titles finally drop out. So the memory's size does not
 * grow with the document. Pure.
 */
export function renderMemory({ memory, maxWords }: { memory: Memory; maxWords: number }): string {
  const entries = memory.entries;
  if (entries.length === 0) return 'Nothing has been written yet.';
  // Detail levels per entry: 2 = all notes, 1 = first note, 0 = title only, -1 = dropped.
  const levels = entries.map(() => 2);
  const render = () =>
    entries
      .map((entry, index) => {
        const level = levels[index]!;
        if (level < 0) return '';
        const notes = level === 2 ? entry.notes : level === 1 ? entry.notes.slice(0, 1) : [];
        return [`- ${entry.title}`, ...notes.map((note) => `  - ${note}`)].join('\n');
      })
      .filter(Boolean)
      .join('\n');
  for (let level = 1; level >= -1; level--) {
    for (let index = 0; index < entries.length - 1; index++) {
      if (countWords(render()) <= maxWords) return render();
      levels[index] = level;
    }
  }
  return render();
}
