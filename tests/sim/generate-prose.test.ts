import { describe, expect, it } from 'vitest';
import { generateProse } from '../../src/sim/generate-prose.js';
import { type ProseBrief, readProseBrief } from '../../src/sim/prose-brief.js';
import { createSeededRandom } from '../../src/sim/seeded-random.js';
import { countWords, distinctFour } from './helpers/count-words.js';

function briefFor(prompt: string, length?: number): ProseBrief {
  const brief = readProseBrief({
    messages: [{ role: 'user', text: prompt }],
    random: createSeededRandom(['brief', prompt]),
    defaultLength: 500,
    noise: 0,
    ceiling: 100_000,
  });
  return length === undefined ? brief : { ...brief, length };
}

function prose(
  prompt: string,
  { length, repeat = 0, seed = 0 }: { length?: number; repeat?: number; seed?: number } = {},
) {
  return generateProse({
    brief: briefFor(prompt, length),
    random: createSeededRandom([seed, prompt]),
    repeat,
  });
}

const topics = [
  'the history of lighthouses in Scotland',
  'urban beekeeping on city rooftops',
  'the chemistry of sourdough bread',
  'glacier retreat in the Alps',
  'the economics of small ferry routes',
];

describe('generateProse', () => {
  it.each([1, 2, 3, 4, 5, 7, 12, 13, 40, 99, 250, 1000, 2000])(
    'writes exactly %i English words',
    (length) => {
      expect(countWords(prose('Write about rivers.', { length }))).toBe(length);
    },
  );

  it.each([1, 3, 6, 10, 25, 300, 1500])('writes exactly %i Chinese characters', (length) => {
    const text = prose('写一篇关于城市园林的文章', { length });
    expect(countWords(text)).toBe(length);
    expect(text).not.toMatch(/[A-Za-z]/);
  });

  it('varies its wording: distinct-4 stays high over a long reply', () => {
    for (const topic of topics) {
      const text = prose(`Write about ${topic}.`, { length: 2000 });
      expect(distinctFour(text), topic).toBeGreaterThan(0.95);
    }
  });

  it('shares no paragraph between replies to different prompts', () => {
    const paragraphs = topics.flatMap((topic) =>
      prose(`Write 800 words on ${topic}.`).split('\n\n'),
    );
    expect(new Set(paragraphs).size).toBe(paragraphs.length);
  });

  it('weaves in the topic words of the prompt', () => {
    const text = prose('Write 600 words about urban beekeeping on city rooftops.');
    expect(text).toMatch(/beekeeping/);
    expect(text).toMatch(/rooftop/);
  });

  it('writes paragraphs of sentences that start with a capital and end with a stop', () => {
    const text = prose('Write 1200 words on moss.');
    const paragraphs = text.split('\n\n');
    expect(paragraphs.length).toBeGreaterThan(6);
    for (const paragraph of paragraphs) expect(paragraph).toMatch(/^[A-Z].*[.?]$/s);
  });

  it('never leaks meta-text', () => {
    const text = topics
      .map((topic) => prose(`Write 2000 words in Markdown on ${topic}.`))
      .join('\n');
    expect(text).not.toMatch(
      /as an ai|language model|paragraph \d|section \d|main point|in conclusion|in summary|word count/i,
    );
  });

  it('adds Markdown headings only when the prompt asks for them', () => {
    expect(prose('Write 800 words on owls.')).not.toMatch(/^#/m);
    const markdown = prose('Write 800 words on owls, in Markdown with headings.');
    expect(markdown.match(/^## \S.*$/gm)?.length).toBeGreaterThanOrEqual(2);
    expect(countWords(markdown)).toBe(800);
  });

  it('copies paragraphs of the prompt when repetition is injected', () => {
    const copied =
      'Harbour pilots read the water by its colour, and the oldest of them never trusted a chart drawn after their own apprenticeship.';
    const text = generateProse({
      brief: { ...briefFor(`Continue the chapter.\n\n${copied}`), length: 1500 },
      random: createSeededRandom(['repeat']),
      repeat: 0.5,
    });
    expect(text.split('\n\n').filter((paragraph) => paragraph === copied).length).toBeGreaterThan(
      1,
    );
    expect(countWords(text)).toBe(1500);
    expect(prose(`Continue the chapter.\n\n${copied}`, { length: 1500 })).not.toContain(copied);
  });

  it('is a pure function of its random stream', () => {
    expect(prose('Write 300 words on tides.', { seed: 4 })).toBe(
      prose('Write 300 words on tides.', { seed: 4 }),
    );
    expect(prose('Write 300 words on tides.', { seed: 4 })).not.toBe(
      prose('Write 300 words on tides.', { seed: 5 }),
    );
  });
});
