import { englishAdjectives, englishAdverbs } from './english-modifiers.js';
import { englishNouns } from './english-nouns.js';
import type { EnglishGrammar } from './english-phrases.js';
import { intransitiveVerbs, transitiveVerbs } from './english-verbs.js';
import { inflect } from './inflect.js';
import { finishSentence, type ProseSentence } from './prose-sentence.js';

/** A sentence of exactly `units` words, to land a reply on its length. */
export function exactEnglishSentence({
  grammar,
  units,
}: {
  grammar: EnglishGrammar;
  units: number;
}): ProseSentence {
  const { random } = grammar;
  const noun = () => random.pick(englishNouns);
  if (units <= 0) return { text: '', units: 0 };
  if (units === 1) return finishSentence([random.pick(englishAdverbs)], '.');
  if (units === 2)
    return finishSentence([inflect.plural(noun()), random.pick(intransitiveVerbs)], '.');
  if (units === 3)
    return finishSentence(
      ['the', noun(), inflect.thirdPerson(random.pick(intransitiveVerbs))],
      '.',
    );
  if (units === 4)
    return finishSentence(
      [
        'the',
        random.pick(englishAdjectives),
        noun(),
        inflect.thirdPerson(random.pick(intransitiveVerbs)),
      ],
      '.',
    );
  const subject = ['the', noun()];
  const verb = [inflect.thirdPerson(random.pick(transitiveVerbs))];
  const object = ['the', noun()];
  const phrases: string[] = [];
  let left = units - 5;
  while (left >= 3) {
    phrases.push(random.pick(['in', 'across', 'near', 'beyond', 'along', 'under']), 'the', noun());
    left -= 3;
  }
  if (left === 2) verb.unshift(random.pick(englishAdverbs));
  if (left >= 1) object.splice(1, 0, random.pick(englishAdjectives));
  return finishSentence([...subject, ...verb, ...object, ...phrases], '.');
}
