import { describe, expect, it } from 'vitest';
import { summariseThinkNotes } from '../../../src/control/inspect/summarise-think-notes.js';

function thinkEnd(overrides: Record<string, unknown>): Record<string, unknown> {
  return { type: 'think-end', sectionId: 's1', index: 0, mode: 'marked', words: 0, ...overrides };
}

describe('summariseThinkNotes', () => {
  it('counts the notes by how they were made, the missing ones, and the separate calls', () => {
    const usage = { inputTokens: 900, outputTokens: 60, cachedInputTokens: 0 };
    expect(
      summariseThinkNotes({
        events: [
          { type: 'step-end', sectionId: 's1' },
          thinkEnd({ mode: 'call', note: 'Purpose: a', words: 30, usage }),
          thinkEnd({ mode: 'call', note: 'Purpose: b', words: 40, usage }),
          thinkEnd({ note: 'Purpose: c', words: 35 }),
          thinkEnd({}),
        ],
      }),
    ).toEqual({
      call: 2,
      marked: 1,
      missing: 1,
      words: 105,
      inputTokens: 1_800,
      outputTokens: 120,
    });
  });

  it('counts no words for a note whose event gives none', () => {
    expect(
      summariseThinkNotes({ events: [thinkEnd({ note: 'Purpose: a', words: undefined })] }),
    ).toMatchObject({ marked: 1, words: 0 });
  });

  it('says nothing for a run without think notes', () => {
    expect(summariseThinkNotes({ events: [{ type: 'step-end' }] })).toBeUndefined();
  });
});
