import { generateText } from 'ai';
import { describe, expect, it } from 'vitest';
import { createSimModel } from '../../src/sim/create-sim-model.js';
import { createSeededRandom } from '../../src/sim/seeded-random.js';
import { countWords } from './helpers/count-words.js';

const subjects = [
  'the history of lighthouses in Scotland',
  'urban beekeeping',
  'sourdough chemistry',
  'glacier retreat',
  'small ferry routes',
  'medieval bridges',
  'desert astronomy',
  'tide pools',
  'river deltas',
  'paper making',
];
const phrasings = [
  (words: string) => `Write about ${words} words on SUBJECT.`,
  (words: string) => `Please produce a ${words}-word essay about SUBJECT.`,
  (words: string) =>
    `The full guide will run to 20,000 words. Write the section on SUBJECT in ${words} words.`,
  (words: string) => `Compose roughly ${words} words in Markdown, with headings, covering SUBJECT.`,
  (words: string) => `I need ${words} words. Topic: SUBJECT.`,
];

/** 50 prompts asking for lengths from 100 to 6,000 words, in five phrasings. */
const requests = Array.from({ length: 50 }, (_, index) => {
  const random = createSeededRandom(['length-behaviour', index]);
  const words = random.integer(100, 6000);
  const shown = words >= 1000 && index % 2 === 0 ? words.toLocaleString('en-US') : String(words);
  const phrasing = phrasings[index % phrasings.length] ?? phrasings[0];
  const subject = subjects[index % subjects.length] ?? '';
  return { words, prompt: phrasing?.(shown).replace('SUBJECT', subject) ?? '' };
});

describe('reply length over 50 prompts', () => {
  it('with noise 0, lands within 5% of the request up to the ceiling, and stops at the ceiling', async () => {
    const ceiling = 2000;
    const model = createSimModel({ noise: 0, ceiling });
    let capped = 0;
    for (const { words, prompt } of requests) {
      const produced = countWords((await generateText({ model, prompt })).text);
      const expected = Math.min(words, ceiling);
      if (words > ceiling) capped++;
      expect(
        Math.abs(produced - expected) / expected,
        `${prompt} → ${produced}`,
      ).toBeLessThanOrEqual(0.05);
      expect(produced, prompt).toBeLessThanOrEqual(ceiling);
    }
    expect(capped).toBeGreaterThan(10);
    expect(capped).toBeLessThan(45);
  });

  it('with noise 0.2, spreads lengths over [0.8, 1.2] × the request', async () => {
    const model = createSimModel({ noise: 0.2, ceiling: 100_000 });
    const ratios: number[] = [];
    for (const { words, prompt } of requests.slice(0, 25)) {
      ratios.push(countWords((await generateText({ model, prompt })).text) / words);
    }
    expect(Math.min(...ratios)).toBeGreaterThanOrEqual(0.8 - 0.005);
    expect(Math.max(...ratios)).toBeLessThanOrEqual(1.2 + 0.005);
    expect(Math.max(...ratios) - Math.min(...ratios)).toBeGreaterThan(0.2);
  });

  it('follows the ceiling knob', async () => {
    const model = createSimModel({ noise: 0, ceiling: 750 });
    for (const { prompt } of requests.filter(({ words }) => words > 750).slice(0, 10)) {
      expect(countWords((await generateText({ model, prompt })).text)).toBe(750);
    }
  });
});
