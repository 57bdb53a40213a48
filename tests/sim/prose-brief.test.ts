import { describe, expect, it } from 'vitest';
import { readProseBrief } from '../../src/sim/prose-brief.js';
import { createSeededRandom } from '../../src/sim/seeded-random.js';
import type { SimMessage } from '../../src/sim/sim-request.js';

const settings: {
  defaultLength: number;
  noise: number;
  ceiling: number;
  fixed?: number;
  shrink?: number;
  promptTokens?: number;
} = { defaultLength: 500, noise: 0, ceiling: 2000 };

function brief(messages: SimMessage[], overrides: Partial<typeof settings> = {}, seed = 1) {
  return readProseBrief({
    messages,
    random: createSeededRandom([seed]),
    ...settings,
    ...overrides,
  });
}

describe('readProseBrief', () => {
  it('takes the length from the last user message that names one', () => {
    const messages: SimMessage[] = [
      { role: 'system', text: 'You write a 20,000-word guide.' },
      { role: 'user', text: 'Write the opening in about 300 words.' },
      { role: 'assistant', text: 'Done.' },
      { role: 'user', text: 'Now the next part, about 700 words, on harbours.' },
    ];
    expect(brief(messages)).toMatchObject({ length: 700, requested: 700, language: 'english' });
  });

  it('falls back to the system message, then to the default length', () => {
    expect(
      brief([
        { role: 'system', text: 'Replies run about 250 words.' },
        { role: 'user', text: 'Go on.' },
      ]).length,
    ).toBe(250);
    expect(brief([{ role: 'user', text: 'Tell me about moss.' }])).toMatchObject({
      length: 500,
      requested: undefined,
    });
  });

  it('caps the length at the ceiling', () => {
    expect(brief([{ role: 'user', text: 'Write 5000 words.' }], { ceiling: 2000 }).length).toBe(
      2000,
    );
  });

  it('keeps about the fixed length whatever was asked, when fixed is set', () => {
    for (const asked of [50, 400, 3_000]) {
      expect(brief([{ role: 'user', text: `Write ${asked} words.` }], { fixed: 300 }).length).toBe(
        300,
      );
    }
    expect(brief([{ role: 'user', text: 'Write 500 words.' }], { fixed: 3_000 }).length).toBe(2000);
  });

  it('shrinks the ceiling, not every reply, as the prompt grows', () => {
    const ask = (promptTokens: number, words: number) =>
      brief([{ role: 'user', text: `Write ${words} words.` }], {
        ceiling: 800,
        shrink: 0.5,
        promptTokens,
      }).length;
    expect(ask(0, 1_000)).toBe(800);
    expect(ask(1_000, 1_000)).toBe(400);
    expect(ask(2_000, 1_000)).toBe(200);
    // Asks under the shrunken ceiling are still written in full.
    expect(ask(2_000, 150)).toBe(150);
  });

  it('draws the noise factor within [1 - noise, 1 + noise] and varies it by prompt', () => {
    const lengths = Array.from(
      { length: 40 },
      (_, seed) =>
        brief([{ role: 'user', text: 'Write 1000 words.' }], { noise: 0.2 }, seed).length,
    );
    expect(Math.min(...lengths)).toBeGreaterThanOrEqual(800);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(1200);
    expect(new Set(lengths).size).toBeGreaterThan(20);
  });

  it('writes Chinese for a length in characters or a Chinese prompt', () => {
    expect(brief([{ role: 'user', text: '写一篇关于城市园林的文章，不少于800字' }])).toMatchObject({
      language: 'chinese',
      length: 800,
    });
    expect(brief([{ role: 'user', text: '请介绍一下长江流域的气候特点。' }]).language).toBe(
      'chinese',
    );
    expect(
      brief([{ role: 'user', text: 'Write 100 words about the Great Wall (长城).' }]).language,
    ).toBe('english');
  });

  it('asks for headings only when the prompt wants Markdown or headings', () => {
    expect(brief([{ role: 'user', text: 'Write 500 words in Markdown.' }]).markdown).toBe(true);
    expect(brief([{ role: 'user', text: 'Use headings for each part.' }]).markdown).toBe(true);
    expect(brief([{ role: 'user', text: 'Write 500 words on owls.' }]).markdown).toBe(false);
    expect(
      brief([{ role: 'user', text: 'Plain paragraphs, no headings or Markdown.' }]).markdown,
    ).toBe(false);
  });

  it('collects the topic words and the paragraphs that could be repeated', () => {
    const paragraph =
      'The lighthouse keepers of the northern isles kept their lamps burning through every winter storm.';
    const result = brief([
      { role: 'user', text: `Continue the history of Scottish lighthouses.\n\n${paragraph}` },
    ]);
    expect(result.topicWords.english).toEqual(
      expect.arrayContaining(['lighthouses', 'Scottish', 'keepers']),
    );
    expect(result.topicWords.english).not.toContain('continue');
    expect(result.promptParagraphs).toEqual([paragraph]);
  });

  it('leaves the replaced text out of the topic when a rewrite is told that text is off its brief', () => {
    const rewrite = (findings: string) =>
      brief([
        {
          role: 'user',
          text: `Rewrite one section.\n\nWhat it must cover: the lighthouse keepers.\n\n${findings}\n\n<current-text>\nThe sourdough starter needs feeding; sourdough hydration and sourdough proofing.\n</current-text>`,
        },
      ]).topicWords.english;
    expect(rewrite('- review/off-brief: writes about bread')).not.toContain('sourdough');
    expect(rewrite('- review/off-brief: writes about bread')).toContain('lighthouse');
    expect(rewrite('- review/meta-text: talks about the writing')).toContain('sourdough');
  });
});
