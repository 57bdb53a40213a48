import { describe, expect, it } from 'vitest';
import { checkSeamsAsSim } from '../../src/sim/check-seams-as-sim.js';
import { plantSeam } from '../../src/sim/plant-seam.js';

const text = 'The keepers rowed out at dawn. They trimmed the wicks.\n\nA second paragraph.';
const neighbour =
  'Just before this section: "The First Lights", which covers: how the first coal fires were lit on the headlands and who paid for them\n';

/** A seam as the seam checker's prompt shows it. */
function seam({ number, brief, ending, opening }: Record<string, string>): string {
  return [
    `<seam number="${number}">`,
    `<earlier id="s001" title="Before" brief="${brief}">`,
    ending,
    '</earlier>',
    '<later id="s002" title="After" brief="Its own point.">',
    opening,
    '</later>',
    '</seam>',
  ].join('\n');
}

describe('plantSeam', () => {
  it('plants a bad opening only in a section told about the one before and not shown its end', () => {
    const planted = plantSeam({
      text,
      prompt: neighbour,
      section: 'Lenses',
      topic: 'lighthouses',
      seed: 1,
      rate: 1,
    });
    expect(planted.planted?.kind).toMatch(/^seam-/);
    expect(planted.text.startsWith(planted.planted!.text)).toBe(true);
    const shown = plantSeam({
      text,
      prompt: `The end of the previous section:\n\n…the fires burned on.\n\n${neighbour}`,
      section: 'Lenses',
      topic: 'lighthouses',
      seed: 1,
      rate: 1,
    });
    expect(shown).toEqual({ text });
  });
});

describe('checkSeamsAsSim', () => {
  const brief = 'how the first coal fires were lit on the headlands and who paid for them';

  it('finds an opening that recaps the section before, and one that starts the subject over', () => {
    const reply = checkSeamsAsSim({
      prompt: [
        seam({
          number: '1',
          brief,
          ending: 'The fires burned on.',
          opening: `To recall what the previous part covered: ${brief}. Then lenses came.`,
        }),
        seam({
          number: '2',
          brief: 'Its own point.',
          ending: 'The fires burned on.',
          opening: 'This guide to lighthouses begins with the basics.',
        }),
      ].join('\n\n'),
    });
    expect(reply.seams).toEqual([1, 2]);
    expect(reply.findings.map((finding) => [finding.seam, finding.rule])).toEqual([
      [1, 'duplicate'],
      [2, 'transition'],
    ]);
  });

  it('passes an opening that follows on', () => {
    const reply = checkSeamsAsSim({
      prompt: seam({
        number: '3',
        brief,
        ending: 'The fires burned on.',
        opening: 'When the smoke of those fires proved too faint, glass took over.',
      }),
    });
    expect(reply).toEqual({ seams: [3], findings: [] });
  });
});
