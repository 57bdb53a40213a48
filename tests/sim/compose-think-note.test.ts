import { describe, expect, it } from 'vitest';
import { composeThinkNote, readNoteAvoid } from '../../src/sim/compose-think-note.js';

const earlier = Array.from({ length: 14 }, (_, position) => `word${position}`).join(' ');

function sectionPrompt({ previous }: { previous: string }): string {
  return [
    '# What earlier sections established',
    'Names and their details:\n- Tregarthen keeps the light at Lizard Point [s1]\n- The tower is 19 metres tall [s1]',
    '# The end of the previous section',
    previous,
    '# Your section',
    'Section 2 of 4: The keepers',
    'What it must cover: the keepers and their families',
    'Write this section in English, about 650 words.',
    '# Plan section 2 before writing it',
  ].join('\n\n');
}

describe('composeThinkNote', () => {
  it('plans the section from its prompt: brief, link, ledger facts, passages to avoid, length', () => {
    const note = composeThinkNote({
      prompt: sectionPrompt({ previous: `…${earlier}.\n\n${earlier} again. The lamp went dark.` }),
    });
    expect(note).toBe(
      [
        'Purpose: the keepers and their families',
        'Link: pick up from "The lamp went dark."',
        'Facts: Tregarthen keeps the light at Lizard Point; The tower is 19 metres tall',
        `Avoid: the passages beginning "${earlier.split(' ').slice(0, 8).join(' ')}", "${earlier.split(' ').slice(0, 8).join(' ')}"`,
        'Words: about 650 words',
      ].join('\n'),
    );
    expect(readNoteAvoid(note)).toEqual([
      earlier.split(' ').slice(0, 8).join(' '),
      earlier.split(' ').slice(0, 8).join(' '),
    ]);
  });

  it('opens the document when nothing was written before', () => {
    const note = composeThinkNote({
      prompt: sectionPrompt({ previous: 'This is the first section.' }),
    });
    expect(note).toContain('Link: this section opens the document');
    expect(note).toContain('Avoid: nothing written yet');
    expect(readNoteAvoid(note)).toEqual([]);
  });
});
