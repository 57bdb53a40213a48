import { describe, expect, it } from 'vitest';
import { removeThinkMarkers, splitThinkNote } from '../../src/agents/split-think-note.js';

const note = 'Purpose: the harbour\nLink: from the storm\nWords: about 300 words';
const section = 'The harbour was rebuilt in stone.\n\nIts quay still stands.';

function split(reply: string) {
  return splitThinkNote({ reply, sectionId: 's2' });
}

describe('splitThinkNote', () => {
  it('takes the note between the markers out of the reply', () => {
    const result = split(`@@think\n${note}\n@@text\n\n${section}`);
    expect(result).toEqual({ text: section, note, findings: [] });
  });

  it('keeps what a model wrote before the note with the text, for cleaning to judge', () => {
    const result = split(`Sure, here it is.\n\n**@@think**\n${note}\n## @@text\n${section}`);
    expect(result.note).toBe(note);
    expect(result.text).toBe(`Sure, here it is.\n\n${section}`);
  });

  it('reads a reply without a note as all text', () => {
    expect(split(section)).toEqual({ text: section, note: undefined, findings: [] });
  });

  it('ends an unclosed note at the first blank line, with a warning', () => {
    const result = split(`@@think\n${note}\n\n${section}`);
    expect(result.note).toBe(note);
    expect(result.text).toBe(section);
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(['think/unclosed-note']);
  });

  it('removes markers left in the section, on a line or inside prose, with a warning', () => {
    const result = split(
      `@@think\n${note}\n@@text\n\nThe harbour @@text was rebuilt.\n\n@@think\n\nIts quay.`,
    );
    expect(result.text).not.toContain('@@');
    expect(result.text).toContain('Its quay.');
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(['think/leaked-marker']);
    expect(result.findings[0]?.location).toEqual({ section: 's2' });
  });
});

describe('removeThinkMarkers', () => {
  it('leaves text without markers exactly as it is', () => {
    const text = 'A line ending in a space \n\n\n\nand more';
    expect(removeThinkMarkers({ text, sectionId: 's1' })).toEqual({ text, findings: [] });
  });
});
