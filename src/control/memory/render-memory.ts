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
  const block = (index: number, level: number) => {
    if (level < 0) return '';
    const entry = entries[index]!;
    const notes = level === 2 ? entry.notes : level === 1 ? entry.notes.slice(0, 1) : [];
    return [`- ${entry.title}`, ...notes.map((note) => `  - ${note}`)].join('\n');
  };
  const render = () =>
    levels
      .map((level, index) => block(index, level))
      .filter(Boolean)
      .join('\n');
  // Blocks are joined by line breaks, so the words of the whole are the sum of each block's:
  // counted once per block and level, the memory's size is kept in step without re-rendering.
  const words = (index: number, level: number) => countWords(block(index, level));
  let total = levels.reduce((sum, level, index) => sum + words(index, level), 0);
  for (let level = 1; level >= -1; level--) {
    for (let index = 0; index < entries.length - 1; index++) {
      if (total <= maxWords) return render();
      total += words(index, level) - words(index, levels[index]!);
      levels[index] = level;
    }
  }
  return render();
}
