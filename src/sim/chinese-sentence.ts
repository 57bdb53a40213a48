import {
  chineseAdjectives,
  chineseAdverbs,
  chineseMeasures,
  chineseNouns,
  chineseOpeners,
  chineseShortNouns,
  chineseVerbs,
} from './chinese-vocabulary.js';
import type { ProseSentence } from './prose-sentence.js';
import type { SeededRandom } from './seeded-random.js';

/** What the Chinese sentence builders draw from. */
export interface ChineseGrammar {
  random: SeededRandom;
  topics: readonly string[];
}

type Template = (words: Words) => string;

interface Words {
  noun: () => string;
  verb: () => string;
  adjective: () => string;
  adverb: () => string;
  opener: () => string;
  measure: () => string;
}

const templates: Template[] = [
  (w) => `${w.opener()}，${w.noun()}${w.adverb()}${w.verb()}着${w.adjective()}的${w.noun()}。`,
  (w) =>
    `在${w.noun()}的${w.noun()}里，${w.noun()}${w.verb()}了${w.measure()}${w.adjective()}的${w.noun()}。`,
  (w) =>
    `${w.noun()}和${w.noun()}${w.adverb()}${w.verb()}${w.noun()}，${w.noun()}也变得${w.adjective()}。`,
  (w) =>
    `当${w.noun()}${w.verb()}${w.noun()}时，${w.noun()}${w.adverb()}${w.verb()}${w.measure()}${w.noun()}。`,
  (w) =>
    `谁也说不清${w.noun()}为何如此${w.adjective()}，但${w.noun()}依然${w.verb()}着${w.noun()}。`,
  (w) =>
    `${w.measure()}${w.noun()}散落在${w.noun()}之间，${w.noun()}显得${w.adjective()}而${w.adjective()}。`,
  (w) => `对${w.noun()}来说，${w.noun()}是一种${w.adjective()}的${w.noun()}。`,
  (w) => `${w.noun()}${w.adverb()}${w.verb()}${w.noun()}吗？`,
  (w) =>
    `${w.noun()}不仅${w.verb()}了${w.noun()}，还${w.verb()}了${w.adjective()}的${w.noun()}；${w.noun()}${w.adverb()}${w.verb()}着${w.noun()}。`,
  (w) =>
    `${w.opener()}，${w.noun()}的${w.noun()}${w.adverb()}变得${w.adjective()}，${w.noun()}开始${w.verb()}${w.noun()}。`,
  (w) =>
    `${w.noun()}${w.verb()}${w.noun()}，${w.noun()}${w.verb()}${w.noun()}，${w.adjective()}的${w.noun()}${w.adverb()}${w.verb()}${w.noun()}。`,
];

/** One Chinese sentence; its length counts CJK ideographs only, as LongBench-Write does. */
export function chineseSentence(grammar: ChineseGrammar): ProseSentence {
  const text = grammar.random.pick(templates)(wordsOf(grammar));
  return { text, units: countIdeographs(text) };
}

/** A Chinese sentence of exactly `units` characters. */
export function exactChineseSentence({
  grammar,
  units,
}: {
  grammar: ChineseGrammar;
  units: number;
}): ProseSentence {
  const w = wordsOf(grammar);
  const { random } = grammar;
  if (units <= 0) return { text: '', units: 0 };
  const short: Record<number, () => string> = {
    1: () => random.pick(chineseShortNouns),
    2: () => w.adjective(),
    3: () => `很${w.adjective()}`,
    4: () => `${w.noun()}${w.adjective()}`,
    5: () => `${w.noun()}很${w.adjective()}`,
  };
  const build = short[units];
  if (build) return { text: `${build()}。`, units };
  // Six characters of subject, verb and object, then "也" (1), an adverb (2), "adjective的" (3)s.
  let left = units - 6;
  const parts = { adverb: '', adjectives: '' };
  if (left % 3 === 1) {
    parts.adverb = '也';
    left -= 1;
  } else if (left % 3 === 2) {
    parts.adverb = w.adverb();
    left -= 2;
  }
  for (; left > 0; left -= 3) parts.adjectives += `${w.adjective()}的`;
  return { text: `${w.noun()}${parts.adverb}${w.verb()}${parts.adjectives}${w.noun()}。`, units };
}

/** A Chinese heading of four or five characters. */
export function chineseHeading(grammar: ChineseGrammar): ProseSentence {
  const w = wordsOf(grammar);
  const text = grammar.random.chance(0.5)
    ? `${w.noun()}与${w.noun()}`
    : `${w.adjective()}的${w.noun()}`;
  return { text, units: countIdeographs(text) };
}

function wordsOf({ random, topics }: ChineseGrammar): Words {
  // Every noun slot takes a topic word of exactly two characters now and then.
  const topical = topics.filter((topic) => topic.length === 2);
  return {
    noun: () =>
      topical.length > 0 && random.chance(0.3) ? random.pick(topical) : random.pick(chineseNouns),
    verb: () => random.pick(chineseVerbs),
    adjective: () => random.pick(chineseAdjectives),
    adverb: () => random.pick(chineseAdverbs),
    opener: () => random.pick(chineseOpeners),
    measure: () => random.pick(chineseMeasures),
  };
}

function countIdeographs(text: string): number {
  return text.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
}
