import { functionWords } from '../repetition/function-words.js';
import { tokenizeText } from '../repetition/tokenize-text.js';

/** The lexical test's verdict: decided either way, or unable to tell. */
export type LexicalDecision = 'yes' | 'no' | 'inconclusive';

/** A text prepared for many event lookups. */
export interface IndexedText {
  /** Stems in order, space-separated, with a space at both ends, for phrase lookups. */
  sequence: string;
  /** Every stem, plus every pair of adjacent CJK characters. */
  units: ReadonlySet<string>;
}

// Words that frame a requirement rather than name it ("attend a workshop", "featuring salmon").
const framingStems = new Set(['attend', 'featur', 'includ', 'use', 'special']);

/** Prepares a text (a segment) for `matchEvent`. Linear. Pure. */
export function indexText(text: string): IndexedText {
  const stems = stemsOf(text);
  return { sequence: ` ${stems.join(' ')} `, units: new Set([...stems, ...cjkPairs(stems)]) };
}

/**
 * Decides lexically whether a text contains an event. The event is cut into phrases: runs of
 * its content words, split at function words ("my", "a", "in"), framing words ("attend",
 * "featuring") and punctuation, with parenthetical asides dropped ("husband (yourself)
 * birthday" is one phrase, "husband birthday"). `yes` when every phrase appears with its words
 * in order and adjacent (after light stemming: plurals, -ing, -ed, 's), or one of the `match`
 * phrases does; so "my wife birthday" is found in "my wife's birthday", not in "my birthday …
 * my wife". `no` when none of its content words appears; otherwise `inconclusive`, for a judge
 * to settle. CJK text compares characters, and character pairs for `no`. Pure.
 */
export function matchEvent({
  event,
  match = [],
  text,
}: {
  event: string;
  match?: readonly string[];
  text: IndexedText;
}): LexicalDecision {
  const found = (phrase: readonly string[]) => text.sequence.includes(` ${phrase.join(' ')} `);
  for (const candidate of [event, ...match]) {
    const phrases = contentPhrases(candidate);
    if (phrases.length > 0 && phrases.every(found)) return 'yes';
  }
  // No content word of the event at all: a clear no. One CJK character says little on its
  // own, so Chinese phrases are looked for by their character pairs.
  const units = contentPhrases(event).flatMap((phrase) =>
    phrase.length > 1 && isCjk(phrase[0] ?? '') ? cjkPairs(phrase) : phrase,
  );
  if (units.length === 0) return 'no';
  return units.some((unit) => text.units.has(unit)) ? 'inconclusive' : 'no';
}

/** The runs of content stems of an event, in order. */
function contentPhrases(event: string): string[][] {
  const phrases: string[][] = [];
  for (const chunk of event.replace(/\([^)]*\)/g, ' ').split(/[,;:/&|[\]()]+/)) {
    let phrase: string[] = [];
    for (const stem of stemsOf(chunk)) {
      if (functionWords.has(stem) || framingStems.has(stem)) {
        if (phrase.length > 0) phrases.push(phrase);
        phrase = [];
      } else {
        phrase.push(stem);
      }
    }
    if (phrase.length > 0) phrases.push(phrase);
  }
  return phrases;
}

function stemsOf(text: string): string[] {
  const { ids, vocabulary } = tokenizeText({ text: text.normalize('NFKC') });
  return Array.from(ids, (id) => stem(vocabulary[id] ?? ''));
}

/** Pairs of adjacent CJK characters that are not both function characters. */
function cjkPairs(stems: readonly string[]): string[] {
  const pairs: string[] = [];
  for (let index = 1; index < stems.length; index++) {
    const previous = stems[index - 1] ?? '';
    const current = stems[index] ?? '';
    if (
      isCjk(previous) &&
      isCjk(current) &&
      !(functionWords.has(previous) && functionWords.has(current))
    )
      pairs.push(previous + current);
  }
  return pairs;
}

function isCjk(token: string): boolean {
  const code = token.codePointAt(0) ?? 0;
  return (
    token.length <= 2 && code >= 0x3040 && (code <= 0x9fff || (code >= 0x20000 && code <= 0x3134f))
  );
}

/** A light English stemmer: enough to match "workshops" with "workshop", "attended" with "attend". */
export function stem(token: string): string {
  let word = token.replace(/['’]s$/, '');
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) word = `${word.slice(0, -3)}y`;
  else if (/(sses|shes|ches|xes|zes)$/.test(word)) word = word.slice(0, -2);
  else if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) word = word.slice(0, -1);
  if (word.endsWith('ing') && word.length > 5) word = word.slice(0, -3);
  else if (word.endsWith('ied') && word.length > 4) word = `${word.slice(0, -3)}y`;
  else if (word.endsWith('ed') && word.length > 4) word = word.slice(0, -2);
  if (word.endsWith('e') && word.length > 4) word = word.slice(0, -1);
  if (/([bdgmnprt])\1$/.test(word)) word = word.slice(0, -1);
  return word;
}
