/**
 * LongBench-Write's word count, written independently of the code under test: CJK ideographs
 * count one each; a run of ASCII letters counts one when neither neighbour is a Unicode letter,
 * digit or underscore (Python 3 `re` `\b`).
 */
export function countWords(text: string): number {
  const characters = [...text];
  const isWordCharacter = (character: string | undefined) =>
    character !== undefined && /[\p{L}\p{N}_]/u.test(character);
  let count = 0;
  for (let index = 0; index < characters.length; index++) {
    const character = characters[index] ?? '';
    if (/[\u4e00-\u9fff]/.test(character)) {
      count++;
      continue;
    }
    if (!/[A-Za-z]/.test(character)) continue;
    let end = index;
    while (/[A-Za-z]/.test(characters[end + 1] ?? '')) end++;
    if (!isWordCharacter(characters[index - 1]) && !isWordCharacter(characters[end + 1])) count++;
    index = end;
  }
  return count;
}

/** Share of distinct word 4-grams among all 4-grams (distinct-4). */
export function distinctFour(text: string): number {
  const words = text.toLowerCase().match(/[a-z]+|[\u4e00-\u9fff]/g) ?? [];
  const grams = new Set<string>();
  let total = 0;
  for (let index = 0; index + 4 <= words.length; index++) {
    grams.add(words.slice(index, index + 4).join(' '));
    total++;
  }
  return total === 0 ? 1 : grams.size / total;
}
