/**
 * Length as LongBench-Write measures it: each CJK ideograph (U+4E00–U+9FFF) counts one, and so
 * does each run of ASCII letters that stands between Unicode word boundaries (Python's `\b`: a
 * run glued to digits, `_` or other letters counts nothing). The sim uses it only for text it
 * did not build itself (a paragraph copied from the prompt). Pure.
 */
export function countLengthUnits(text: string): number {
  const ideographs = text.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  const words = text.match(/(?<![\p{L}\p{N}_])[A-Za-z]+(?![\p{L}\p{N}_])/gu)?.length ?? 0;
  return ideographs + words;
}
