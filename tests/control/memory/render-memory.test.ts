import { describe, expect, it } from 'vitest';
import type { Memory } from '../../../src/control/memory/memory-schema.js';
import { renderMemory } from '../../../src/control/memory/render-memory.js';
import { countWords } from '../../../src/evaluators/count-words.js';

function memoryOf(count: number): Memory {
  return {
    version: 1,
    entries: Array.from({ length: count }, (_, index) => ({
      sectionId: `s${index + 1}`,
      title: `Harbour ${index + 1}`,
      notes: [`The keeper of harbour ${index + 1} is Ana.`, 'Its light was built of granite.'],
      source: 'writer' as const,
    })),
  };
}

describe('renderMemory', () => {
  it('keeps everything while it fits', () => {
    const text = renderMemory({ memory: memoryOf(2), maxWords: 300 });
    expect(text).toContain('- Harbour 1\n  - The keeper of harbour 1 is Ana.\n  - Its light');
  });

  it('compacts the oldest entries first and stays within the words, for hundreds of entries', () => {
    const text = renderMemory({ memory: memoryOf(400), maxWords: 300 });
    expect(countWords(text)).toBeLessThanOrEqual(300);
    expect(text).toContain('- Harbour 400\n  - The keeper of harbour 400 is Ana.');
    expect(text).not.toContain('Harbour 1\n');
  });
});
