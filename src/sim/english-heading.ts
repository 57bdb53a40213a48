import { englishAdjectives } from './english-modifiers.js';
import { englishNouns } from './english-nouns.js';
import type { EnglishGrammar } from './english-phrases.js';
import { inflect } from './inflect.js';
import type { ProseSentence } from './prose-sentence.js';

/** A heading of two to five words, title-cased, drawn from the topic. */
export function englishHeading(grammar: EnglishGrammar): ProseSentence {
  const { random, topics } = grammar;
  const topic = topics.length > 0 ? random.pick(topics) : random.pick(englishNouns);
  const noun = () => random.pick(englishNouns);
  const words = random.pick<() => string[]>([
    () => [random.pick(englishAdjectives), inflect.plural(noun())],
    () => ['the', noun(), 'of', topic],
    () => [topic, 'and', 'the', noun()],
    () => [
      inflect.plural(noun()),
      random.pick(['beyond', 'across', 'under', 'within']),
      'the',
      noun(),
    ],
    () => [random.pick(englishAdjectives), topic],
  ])();
  return { text: inflect.titleCase(words).join(' '), units: words.length };
}
