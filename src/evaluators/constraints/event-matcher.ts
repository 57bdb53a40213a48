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
  const { stems, units } = analyse(text);
  return { sequence: ` ${stems.join(' ')} `, units: new Set([...stems, ...units]) };
}

/**
 * Decides lexically whether a text contains an event. `yes` when the event's words, or one of
 * the `match` phrases, appear in order (after light stemming: plurals, -ing, -ed), or when every
 * content word of the event appears somewhere; `no` when none of its content words does;
 * otherwise `inconclusive`, for a judge to settle. CJK events compare character pairs. Pure.
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
  for (const phrase of [event, ...match]) {
    const { stems } = analyse(phrase);
    if (stems.length > 0 && text.sequence.includes(` ${stems.join(' ')} `)) return 'yes';
  }
  const { stems, units } = analyse(event);
  const content = [
    ...new Set([
      ...stems.filter((stem) => !functionWords.has(stem) && !framingStems.has(stem)),
      ...units,
    ]),
  ];
  if (content.length === 0) return 'no';
  const present = content.filter((unit) => text.units.has(unit)).length;
  if (present === content.length) return 'yes';
  return present === 0 ? 'no' : 'inconclusive';
}

/** Stems of the tokens, and the CJK character pairs. */
function analyse(text: string): { stems: string[]; units: string[] } {
  const { ids, vocabulary } = tokenizeText({ text: text.normalize('NFKC') });
  const stems = Array.from(ids, (id) => stem(vocabulary[id] ?? ''));
  const units: string[] = [];
  for (let index = 1; index < stems.length; index++) {
    const previous = stems[index - 1] ?? '';
    const current = stems[index] ?? '';
    if (isCjk(previous) && isCjk(current)) units.push(previous + current);
  }
  return {
    stems,
    units: units.filter((unit) => ![...unit].every((character) => functionWords.has(character))),
  };
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
