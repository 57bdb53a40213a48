import { englishAdjectives } from './english-modifiers.js';
import { englishNouns } from './english-nouns.js';
import { englishSentence } from './english-sentence.js';
import { inflect } from './inflect.js';
import type { SeededRandom } from './seeded-random.js';

/** The string constraints of a JSON schema that the generator honours. */
export interface StringConstraints {
  minLength: number | undefined;
  maxLength: number | undefined;
  format: string | undefined;
  pattern: string | undefined;
}

/**
 * A plausible string for a property: its kind guessed from the property name (a title, a path,
 * a long description…) and made of the prompt's topic words, then fitted to the schema's
 * format, length limits and, for simple patterns, its pattern.
 */
export function schemaText({
  random,
  topics,
  propertyName,
  constraints,
}: {
  random: SeededRandom;
  topics: readonly string[];
  propertyName: string | undefined;
  constraints: StringConstraints;
}): string {
  const word = () =>
    (topics.length > 0 && random.chance(0.5)
      ? random.pick(topics)
      : random.pick(englishNouns)
    ).toLowerCase();
  const phrase = (minimum: number, maximum: number) => {
    const words = Array.from({ length: random.integer(minimum, maximum) }, (_, index) =>
      index === 0 && random.chance(0.4) ? random.pick(englishAdjectives) : word(),
    );
    return words.filter((each, index) => index === 0 || each !== words[index - 1]);
  };
  const formatted = byFormat(constraints.format, random, word);
  const name = (propertyName ?? '').toLowerCase();
  let text: string;
  if (formatted !== undefined) text = formatted;
  else if (/(^|_)(id|slug|key)$|slug|identifier/.test(name)) text = phrase(2, 3).join('-');
  else if (/path|file/.test(name)) text = `${phrase(1, 2).join('-')}/${phrase(1, 3).join('-')}.md`;
  else if (/title|name|heading|label|topic/.test(name))
    text = inflect.titleCase(phrase(2, 6)).join(' ');
  else if (
    /desc|brief|summary|content|text|body|point|note|detail|reason|analysis|comment|explan/.test(
      name,
    )
  ) {
    const grammar = { random, topics };
    text = Array.from({ length: random.integer(1, 3) }, () => englishSentence(grammar).text).join(
      ' ',
    );
  } else text = phrase(2, 8).join(' ');

  if (constraints.pattern !== undefined && !matches(constraints.pattern, text)) {
    const candidates = [
      phrase(1, 3).join('-'),
      word(),
      phrase(1, 3).join('_'),
      String(random.integer(0, 9999)),
    ];
    text = candidates.find((candidate) => matches(constraints.pattern ?? '', candidate)) ?? text;
  }
  return fitLength(text, constraints, word);
}

function byFormat(
  format: string | undefined,
  random: SeededRandom,
  word: () => string,
): string | undefined {
  const pad = (value: number) => String(value).padStart(2, '0');
  const date = () =>
    `${random.integer(2015, 2030)}-${pad(random.integer(1, 12))}-${pad(random.integer(1, 28))}`;
  const hex = (length: number) =>
    Array.from({ length }, () => random.integer(0, 15).toString(16)).join('');
  switch (format) {
    case 'date':
      return date();
    case 'date-time':
      return `${date()}T${pad(random.integer(0, 23))}:${pad(random.integer(0, 59))}:${pad(random.integer(0, 59))}Z`;
    case 'time':
      return `${pad(random.integer(0, 23))}:${pad(random.integer(0, 59))}:${pad(random.integer(0, 59))}Z`;
    case 'email':
      return `${word()}@${word()}.example`;
    case 'uri':
    case 'url':
      return `https://${word()}.example/${word()}`;
    case 'uuid':
      return `${hex(8)}-${hex(4)}-4${hex(3)}-${random.pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
    case 'hostname':
      return `${word()}.example`;
    case 'ipv4':
      return Array.from({ length: 4 }, () => random.integer(1, 254)).join('.');
    default:
      return undefined;
  }
}

function fitLength(text: string, constraints: StringConstraints, word: () => string): string {
  const { minLength = 0, maxLength } = constraints;
  let fitted = text;
  while ([...fitted].length < minLength) fitted = `${fitted} ${word()}`.trim();
  if (maxLength !== undefined && [...fitted].length > maxLength) {
    const cut = [...fitted].slice(0, maxLength).join('');
    const atSpace = cut.lastIndexOf(' ');
    // End on a whole word when that still meets the minimum.
    fitted = atSpace >= minLength && atSpace > 0 ? cut.slice(0, atSpace) : cut;
  }
  return fitted;
}

function matches(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(text);
  } catch {
    return true;
  }
}
