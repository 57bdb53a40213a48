import {
  englishAdjectives,
  englishAdverbs,
  englishModals,
  englishPrepositions,
} from './english-modifiers.js';
import { englishNouns } from './english-nouns.js';
import { intransitiveVerbs, transitiveVerbs } from './english-verbs.js';
import { inflect } from './inflect.js';
import type { SeededRandom } from './seeded-random.js';

/** What the phrase builders draw from: the random stream and the prompt's topic words. */
export interface EnglishGrammar {
  random: SeededRandom;
  topics: readonly string[];
}

/** A noun phrase and whether the verb after it takes the plural form. */
export interface NounPhrase {
  words: string[];
  plural: boolean;
}

const singularDeterminers = [
  'the',
  'the',
  'the',
  'a',
  'a',
  'this',
  'that',
  'each',
  'every',
  'one',
  'another',
  'their',
  'our',
];
const pluralDeterminers = [
  'the',
  'the',
  'these',
  'those',
  'many',
  'several',
  'some',
  'few',
  'most',
  'such',
  'their',
  'our',
  '',
];

/** A noun phrase, sometimes built around one of the prompt's topic words. */
export function nounPhrase(grammar: EnglishGrammar, { topical = 0.3 } = {}): NounPhrase {
  const { random, topics } = grammar;
  const topic = topics.length > 0 && random.chance(topical) ? random.pick(topics) : undefined;
  if (topic !== undefined && /^[A-Z]/.test(topic) && random.chance(0.6)) {
    return { words: [topic], plural: false };
  }
  let plural = random.chance(0.35);
  const noun = random.pick(englishNouns);
  // As a modifier a topic reads in the singular: "the lighthouse keeper", not "lighthouses keeper".
  const modifier = topic === undefined ? undefined : inflect.singular(topic);
  let words: string[];
  switch (random.integer(0, 5)) {
    case 0:
      words = [plural ? inflect.plural(noun) : noun];
      break;
    case 1:
      words = [random.pick(englishAdjectives), plural ? inflect.plural(noun) : noun];
      break;
    case 2:
      words = [modifier ?? random.pick(englishAdjectives), plural ? inflect.plural(noun) : noun];
      break;
    case 3:
      words = [
        random.pick(englishAdjectives),
        random.pick(englishAdjectives),
        plural ? inflect.plural(noun) : noun,
      ];
      break;
    case 4:
      words = [
        plural ? inflect.plural(noun) : noun,
        'of',
        ...withDeterminer(random, [modifier ?? random.pick(englishNouns)], false),
      ];
      break;
    default:
      words = [
        random.pick(englishAdjectives),
        plural ? inflect.plural(noun) : noun,
        'of',
        topic ?? random.pick(englishNouns),
      ];
  }
  if (topic !== undefined && words.length === 1 && random.chance(0.5)) {
    // A bare topic word as the head: "the gardens", "the photosynthesis".
    plural = /[^s]s$/.test(topic);
    words = [topic];
  }
  return { words: withDeterminer(random, words, plural), plural };
}

/** A phrase of place or time: "across the quiet valley". */
export function prepositionalPhrase(grammar: EnglishGrammar): string[] {
  const object = nounPhrase(grammar, { topical: 0.2 });
  return [grammar.random.pick(englishPrepositions), ...object.words];
}

/** A full clause: subject, verb in agreement, and what follows it. */
export function clause(grammar: EnglishGrammar): string[] {
  const { random } = grammar;
  const subject = nounPhrase(grammar);
  const agree = (verb: string) => (subject.plural ? verb : inflect.thirdPerson(verb));
  const verb = random.pick(transitiveVerbs);
  let predicate: string[];
  switch (random.integer(0, 6)) {
    case 0:
      predicate = [agree(verb), ...nounPhrase(grammar).words];
      break;
    case 1:
      predicate = [random.pick(englishModals), verb, ...nounPhrase(grammar).words];
      break;
    case 2:
      predicate = [
        subject.plural ? 'have' : 'has',
        ...maybe(random, 0.4, englishAdverbs),
        inflect.pastParticiple(verb),
        ...nounPhrase(grammar).words,
      ];
      break;
    case 3:
      predicate = [agree(random.pick(intransitiveVerbs)), ...prepositionalPhrase(grammar)];
      break;
    case 4:
      predicate = [random.pick(englishAdverbs), agree(verb), ...nounPhrase(grammar).words];
      break;
    case 5:
      predicate = [
        subject.plural ? 'are' : 'is',
        ...maybe(random, 0.3, englishAdverbs),
        random.pick(englishAdjectives),
      ];
      break;
    default:
      predicate = [inflect.pastParticiple(verb), ...nounPhrase(grammar).words];
  }
  const tail = random.chance(0.35) ? prepositionalPhrase(grammar) : [];
  return [...subject.words, ...predicate, ...tail];
}

/** Puts a determiner that agrees with the head in front of `words` (or none for some plurals). */
function withDeterminer(random: SeededRandom, words: string[], plural: boolean): string[] {
  const first = words[0] ?? '';
  if (/^[A-Z]/.test(first)) return words;
  const determiner = random.pick(plural ? pluralDeterminers : singularDeterminers);
  if (determiner === '') return words;
  return [determiner === 'a' ? inflect.article(first) : determiner, ...words];
}

function maybe(random: SeededRandom, probability: number, list: readonly string[]): string[] {
  return random.chance(probability) ? [random.pick(list)] : [];
}
