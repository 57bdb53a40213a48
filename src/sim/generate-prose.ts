import { countWords } from '../evaluators/count-words.js';
import { chineseHeading, chineseSentence, exactChineseSentence } from './chinese-sentence.js';
import { englishHeading } from './english-heading.js';
import { englishSentence } from './english-sentence.js';
import { exactEnglishSentence } from './exact-english-sentence.js';
import type { ProseBrief } from './prose-brief.js';
import type { ProseSentence } from './prose-sentence.js';
import type { SeededRandom } from './seeded-random.js';

interface Language {
  sentence: () => ProseSentence;
  exact: (units: number) => ProseSentence;
  heading: () => ProseSentence;
  separator: string;
  /** Sentences shorter than this end a reply; longer leftovers get ordinary sentences. */
  tail: number;
  paragraph: [number, number];
}

/**
 * Writes placeholder prose of exactly `brief.length` words (characters for Chinese): paragraphs
 * of varied sentences, Markdown headings when the brief asks for them, and, at rate `repeat`, a
 * paragraph copied verbatim from the prompt in place of a new one (repetition injection).
 */
export function generateProse({
  brief,
  random,
  repeat = 0,
}: {
  brief: ProseBrief;
  random: SeededRandom;
  repeat?: number;
}): string {
  const language = languageOf(brief, random);
  const blocks: string[] = [];
  const written: string[] = [];
  let remaining = brief.length;
  let headingIn = brief.markdown && brief.length >= 120 ? 0 : Number.POSITIVE_INFINITY;

  while (remaining > 0) {
    if (headingIn === 0) {
      const heading = language.heading();
      if (heading.units + language.tail < remaining) {
        blocks.push(`## ${heading.text}`);
        remaining -= heading.units;
      }
      headingIn = random.integer(2, 4);
    }
    const copied =
      repeat > 0 && random.chance(repeat) ? pickCopy(brief, written, remaining, random) : undefined;
    const paragraph = copied ?? writeParagraph(language, random, remaining);
    blocks.push(paragraph.text);
    written.push(paragraph.text);
    remaining -= paragraph.units;
    headingIn -= 1;
  }
  return blocks.join('\n\n');
}

function writeParagraph(language: Language, random: SeededRandom, budget: number): ProseSentence {
  const target = random.integer(...language.paragraph);
  const sentences: string[] = [];
  let units = 0;
  while (units < target && units < budget) {
    const sentence = nextSentence(language, budget - units);
    sentences.push(sentence.text);
    units += sentence.units;
  }
  return { text: sentences.join(language.separator), units };
}

function nextSentence(language: Language, remaining: number): ProseSentence {
  if (remaining <= language.tail) return language.exact(remaining);
  // Leave room for a closing sentence of sensible size rather than a one-word fragment.
  for (let attempt = 0; attempt < 8; attempt++) {
    const sentence = language.sentence();
    if (sentence.units <= remaining - 5) return sentence;
  }
  return language.exact(Math.min(language.tail, remaining - 5));
}

function pickCopy(
  brief: ProseBrief,
  written: readonly string[],
  remaining: number,
  random: SeededRandom,
): ProseSentence | undefined {
  const sources = brief.promptParagraphs.length > 0 ? brief.promptParagraphs : written;
  const fitting = sources
    .map((text) => ({ text, units: countWords(text) }))
    .filter((each) => each.units > 0 && each.units <= remaining);
  return fitting.length > 0 ? random.pick(fitting) : undefined;
}

function languageOf(brief: ProseBrief, random: SeededRandom): Language {
  if (brief.language === 'chinese') {
    const grammar = { random, topics: brief.topicWords.chinese };
    return {
      sentence: () => chineseSentence(grammar),
      exact: (units) => exactChineseSentence({ grammar, units }),
      heading: () => chineseHeading(grammar),
      separator: '',
      tail: 20,
      paragraph: [90, 260],
    };
  }
  const grammar = { random, topics: brief.topicWords.english };
  return {
    sentence: () => englishSentence(grammar),
    exact: (units) => exactEnglishSentence({ grammar, units }),
    heading: () => englishHeading(grammar),
    separator: ' ',
    tail: 12,
    paragraph: [45, 140],
  };
}
