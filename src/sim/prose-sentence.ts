/** A sentence (or heading) and its length in LongBench-Write units: words, or CJK characters. */
export interface ProseSentence {
  text: string;
  units: number;
}

/**
 * Joins the words of an English sentence, capitalises it and adds its final mark. Items may hold
 * several single-spaced words ("even so"); the spaces are what is counted.
 */
export function finishSentence(words: string[], mark: string): ProseSentence {
  const text = words.join(' ');
  let units = text === '' ? 0 : 1;
  for (let index = text.indexOf(' '); index >= 0; index = text.indexOf(' ', index + 1)) units++;
  return { text: `${text.charAt(0).toUpperCase()}${text.slice(1)}${mark}`, units };
}
