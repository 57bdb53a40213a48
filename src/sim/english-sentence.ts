import { englishAdjectives, englishOpeners, englishSubordinators } from './english-modifiers.js';
import { clause, type EnglishGrammar, nounPhrase, prepositionalPhrase } from './english-phrases.js';
import { transitiveVerbs } from './english-verbs.js';
import { inflect } from './inflect.js';
import { finishSentence, type ProseSentence } from './prose-sentence.js';

type Template = (grammar: EnglishGrammar) => string[];

// Sentence shapes with their weights. Fixed words stay short so no 4-gram recurs often.
const templates: [number, Template][] = [
  [15, (grammar) => clause(grammar)],
  [12, (grammar) => [...comma(grammar.random.pick(englishOpeners).split(' ')), ...clause(grammar)]],
  [
    13,
    (grammar) => [
      ...comma(clause(grammar)),
      grammar.random.pick(['and', 'but', 'yet', 'so']),
      ...clause(grammar),
    ],
  ],
  [
    12,
    (grammar) => [
      ...grammar.random.pick(englishSubordinators).split(' '),
      ...comma(clause(grammar)),
      ...clause(grammar),
    ],
  ],
  [
    10,
    (grammar) => [
      ...clause(grammar),
      ...grammar.random.pick(englishSubordinators).split(' '),
      ...clause(grammar),
    ],
  ],
  [5, (grammar) => [...semicolon(clause(grammar)), ...clause(grammar)]],
  [10, (grammar) => [...comma(prepositionalPhrase(grammar)), ...clause(grammar)]],
  [4, question],
  [7, relative],
  [5, list],
  [
    4,
    (grammar) => {
      const subject = nounPhrase(grammar);
      return [
        subject.plural ? 'there are' : 'there is',
        ...subject.words,
        ...prepositionalPhrase(grammar),
      ].flatMap((word) => word.split(' '));
    },
  ],
  [
    3,
    (grammar) => ['it', 'is', grammar.random.pick(englishAdjectives), 'that', ...clause(grammar)],
  ],
];
const totalWeight = templates.reduce((sum, [weight]) => sum + weight, 0);

/** One sentence of varied shape. */
export function englishSentence(grammar: EnglishGrammar): ProseSentence {
  let roll = grammar.random.next() * totalWeight;
  for (const [weight, template] of templates) {
    roll -= weight;
    if (roll < 0) return finishSentence(template(grammar), template === question ? '?' : '.');
  }
  return finishSentence(clause(grammar), '.');
}

function question(grammar: EnglishGrammar): string[] {
  const subject = nounPhrase(grammar);
  const object = nounPhrase(grammar);
  const opener = grammar.random.pick(['why', 'how', 'when', 'where']);
  return [
    opener,
    subject.plural ? 'do' : 'does',
    ...subject.words,
    grammar.random.pick(transitiveVerbs),
    ...object.words,
  ];
}

function relative(grammar: EnglishGrammar): string[] {
  const subject = nounPhrase(grammar);
  const agree = (verb: string) => (subject.plural ? verb : inflect.thirdPerson(verb));
  const inner = [
    grammar.random.pick(['which', 'that']),
    agree(grammar.random.pick(transitiveVerbs)),
    ...nounPhrase(grammar).words,
  ];
  return [
    ...comma(subject.words),
    ...comma(inner),
    agree(grammar.random.pick(transitiveVerbs)),
    ...nounPhrase(grammar).words,
  ];
}

function list(grammar: EnglishGrammar): string[] {
  const items = [nounPhrase(grammar), nounPhrase(grammar), nounPhrase(grammar)].map(
    (each) => each.words,
  );
  const [first = [], second = [], third = []] = items;
  return [
    ...comma(first),
    ...second,
    'and',
    ...third,
    grammar.random.pick(transitiveVerbs),
    ...nounPhrase(grammar).words,
  ];
}

function comma(words: string[]): string[] {
  return punctuateLast(words, ',');
}

function semicolon(words: string[]): string[] {
  return punctuateLast(words, ';');
}

function punctuateLast(words: string[], mark: string): string[] {
  if (words.length === 0) return words;
  return [...words.slice(0, -1), `${words[words.length - 1]}${mark}`];
}
