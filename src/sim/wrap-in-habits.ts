import { countWords } from '../evaluators/count-words.js';
import type { GivenTitle } from './given-title.js';
import type { SeededRandom } from './seeded-random.js';

/** How often each habit shows, per reply. */
export interface HabitRates {
  chatter: number;
  echoHeading: number;
  fence: number;
}

const chatter = {
  english: {
    leads: [
      'Sure! Here is the section you asked for.',
      "Certainly! Here's the text for this part:",
      'Of course. Below is the section:',
      'Here is the continuation:',
      'Absolutely! Here is the revised section.',
    ],
    counts: [
      (words: number) => `(Word count: ${words})`,
      (words: number) => `Word count: ${words} words.`,
      (words: number) => `**Word Count:** ${words}`,
    ],
    offers: [
      'I hope this helps! Let me know if you want me to continue with the next section.',
      "Let me know if you'd like any changes.",
      'Would you like me to expand on any part of it?',
      'Feel free to ask for revisions.',
    ],
  },
  chinese: {
    leads: [
      '好的，以下是这一部分的内容：',
      '当然可以！下面是续写的部分：',
      '好的！这是修改后的段落。',
    ],
    counts: [(words: number) => `（字数：约${words}字）`, (words: number) => `（共${words}字）`],
    offers: [
      '希望对你有帮助！如需修改，请随时告诉我。',
      '需要我继续写下一部分吗？',
      '如有任何问题，请告诉我。',
    ],
  },
};

/**
 * Wraps a prose reply in the habits of chat models, each drawn at its rate: the heading it was
 * given repeated at the top (at some level, or in bold), the whole answer in a ```markdown
 * fence, and chatter around it: an acknowledgement first, then a word count and an offer to go
 * on, in English or Chinese as the reply. None of it is document text; quire must strip it.
 * Pure apart from the draws.
 */
export function wrapInHabits({
  text,
  language,
  given,
  rates,
  random,
}: {
  text: string;
  language: 'english' | 'chinese';
  given: GivenTitle | undefined;
  rates: HabitRates;
  random: SeededRandom;
}): string {
  const words = countWords(text);
  const talk = chatter[language];
  const chatty = random.chance(rates.chatter);
  let body = text;
  if (given && random.chance(rates.echoHeading)) {
    const headings = [`## ${given.title}`, `### ${given.title}`, `**${given.title}**`];
    if (given.number !== undefined) headings.push(`# Section ${given.number}: ${given.title}`);
    body = `${random.pick(headings)}\n\n${body}`;
  }
  if (chatty) body = `${body}\n\n${random.pick(talk.counts)(words)}`;
  if (random.chance(rates.fence))
    body = `\`\`\`${random.pick(['markdown', 'md', ''])}\n${body}\n\`\`\``;
  if (chatty) body = `${random.pick(talk.leads)}\n\n${body}\n\n${random.pick(talk.offers)}`;
  return body;
}
