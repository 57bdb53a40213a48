import { describe, expect, it } from 'vitest';
import { type DefectKind, defectKinds } from '../../src/sim/defect-kind.js';
import { generateProse } from '../../src/sim/generate-prose.js';
import { plantDefect } from '../../src/sim/plant-defect.js';
import { readProseBrief } from '../../src/sim/prose-brief.js';
import { reviewAsSim } from '../../src/sim/review-as-sim.js';
import { createSeededRandom } from '../../src/sim/seeded-random.js';
import { factSentence, worldFact } from '../../src/sim/world-fact.js';

const earlier =
  'The harbour pilots kept their own ledger of every crossing, and the guild met each winter in the long room above the customs house to read it aloud, argue over the fees and settle which of the younger pilots would take the night tides through the bar.';

function section({
  title,
  kind,
  requestText = '',
}: {
  title: string;
  kind: DefectKind;
  requestText?: string;
}) {
  const prompt = `Write a long history of the harbour pilots of Lisbon, their guild and their river crossings.\n\nEarlier text:\n\n${earlier}\n\nSection: ${title}\n\nWhat it must cover: the pilots of Lisbon.\n\nWrite about 600 words.`;
  const brief = readProseBrief({
    messages: [{ role: 'user', text: prompt }],
    random: createSeededRandom(['brief', title]),
    defaultLength: 600,
    noise: 0,
    ceiling: 2000,
  });
  return plantDefect({
    text: generateProse({ brief, random: createSeededRandom(['prose', title]) }),
    brief,
    section: title,
    sectionBrief: 'the pilots of Lisbon.',
    requestText: `${prompt}\n${requestText}`,
    seed: 4,
    rate: 1,
    kinds: [kind],
  });
}

describe('plantDefect', () => {
  it('plants each kind of defect and reports its exact text', () => {
    for (const kind of defectKinds) {
      const result = section({ title: `Part ${defectKinds.indexOf(kind)}`, kind });
      expect(result.planted?.kind).toBe(kind);
      expect(result.text).toContain(result.planted!.text);
    }
  });

  it('leaves a defect out when the request names it, as a reviser told of it would', () => {
    const named: Record<DefectKind, string> = {
      'copied-paragraph': '- review/repetition: repeats a paragraph of s001',
      contradiction: '- review/contradiction: says another figure',
      'off-brief': '- review/off-brief: writes about bread',
      'meta-text': '- review/meta-text: talks about the writing',
      'over-length': '- length/section-long: is too long (over-length)',
      'dropped-thread': '- review/dropped-thread: a promise no section keeps',
    };
    for (const kind of defectKinds) {
      const result = section({
        title: `Part ${defectKinds.indexOf(kind)}`,
        kind,
        requestText: named[kind],
      });
      expect(result.planted).toBeUndefined();
      expect(result.text).toContain(factSentence(worldFact(4)));
    }
  });

  it("copies only prose: never a labelled line of the prompt, such as the section's own brief", () => {
    const longBrief = `What it must cover: ${'the crossings of the bar at night and the fees the guild set for them, '.repeat(4)}`;
    const prompt = `Write a history of the harbour pilots of Lisbon.\n\n${longBrief}\n\nWrite about 600 words.`;
    const brief = readProseBrief({
      messages: [{ role: 'user', text: prompt }],
      random: createSeededRandom(['brief']),
      defaultLength: 600,
      noise: 0,
      ceiling: 2000,
    });
    const result = plantDefect({
      text: generateProse({ brief, random: createSeededRandom(['prose']) }),
      brief,
      section: 'Crossings',
      requestText: prompt,
      seed: 4,
      rate: 1,
      kinds: ['copied-paragraph'],
    });
    expect(result.planted).toBeUndefined();
    expect(result.text).not.toContain('What it must cover');
  });

  it('changes nothing when the knob is off', () => {
    const brief = readProseBrief({
      messages: [{ role: 'user', text: 'Section: A\n\nWrite about 300 words.' }],
      random: createSeededRandom(['brief']),
      defaultLength: 300,
      noise: 0,
      ceiling: 2000,
    });
    const text = generateProse({ brief, random: createSeededRandom(['prose']) });
    expect(
      plantDefect({
        text,
        brief,
        section: 'A',
        requestText: '',
        seed: 1,
        rate: 0,
        kinds: [...defectKinds],
      }),
    ).toEqual({ text });
  });
});

describe('reviewAsSim', () => {
  const render = (sections: { id: string; text: string }[]) =>
    `<request>\nWrite about the pilots of Lisbon\n</request>\n\n# The plan\n\n${sections
      .map((each) => `- ${each.id} "Pilots" (600 words): the pilots of Lisbon.`)
      .join(
        '\n',
      )}\n\n# The document\n\nSections shown: 1–${sections.length} of ${sections.length}.\n\n${sections
      .map((each) => `<section id="${each.id}" title="Pilots">\n${each.text}\n</section>`)
      .join('\n\n')}`;

  it('finds planted defects from the text alone, naming the section that must change', () => {
    const fact = factSentence(worldFact(4));
    const texts = [1, 2, 3, 4].map(
      (number) =>
        section({ title: `Plain ${number}`, kind: 'meta-text', requestText: 'meta-text' }).text,
    );
    const contradicting = section({ title: 'Odd one', kind: 'contradiction' });
    const meta = section({ title: 'Talky', kind: 'meta-text' });
    const { findings } = reviewAsSim({
      prompt: render([
        ...texts.map((text, index) => ({ id: `s00${index + 1}`, text })),
        { id: 's005', text: contradicting.text },
        { id: 's006', text: `${meta.text}\n\n${texts[0]!.split('\n\n')[0]!}` },
      ]),
    });
    const rules = (id: string) =>
      findings.filter((each) => each.sections.includes(id)).map((each) => each.rule);
    expect(texts[0]).toContain(fact);
    expect(rules('s005')).toContain('contradiction');
    expect(rules('s006')).toEqual(expect.arrayContaining(['meta-text', 'repetition']));
    expect(rules('s002')).toEqual([]);
  });

  it('calls off-brief the section about a subject of its own, not one with a meta paragraph or an open thread', () => {
    const plain = [1, 2, 3, 4, 5].map(
      (number) =>
        section({ title: `Plain ${number}`, kind: 'meta-text', requestText: 'meta-text' }).text,
    );
    const wandering = section({ title: 'Wandering', kind: 'off-brief' });
    const { findings } = reviewAsSim({
      prompt: render([
        ...plain.map((text, index) => ({ id: `s00${index + 1}`, text })),
        { id: 's006', text: wandering.text },
        { id: 's007', text: section({ title: 'Talky', kind: 'meta-text' }).text },
        { id: 's008', text: section({ title: 'Promise', kind: 'dropped-thread' }).text },
      ]),
    });
    const offBrief = findings.filter((each) => each.rule === 'off-brief');
    expect(wandering.planted?.kind).toBe('off-brief');
    expect(offBrief.map((each) => each.sections)).toEqual([['s006']]);
  });

  it('counts a thread as taken up only where a later section names the matter, not just the person', () => {
    const opened =
      'One question stays open here, the matter of the Elspeth wager, and a later part of this document takes it up.';
    const review = (later: string) =>
      reviewAsSim({
        prompt: render([
          { id: 's001', text: opened },
          { id: 's002', text: later },
        ]),
      }).findings.filter((each) => each.rule === 'dropped-thread');
    expect(review('Elspeth signed the petition that spring.')).toHaveLength(1);
    expect(review('In the end the Elspeth wager was paid in full.')).toEqual([]);
  });
});
