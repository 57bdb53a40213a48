import { describe, expect, it } from 'vitest';
import { nearDuplicateParagraphs } from '../../../src/evaluators/repetition/near-duplicate-paragraphs.js';

/** Paragraphs of token ids, one character per token and a blank line between paragraphs. */
function layOut(paragraphIds: number[][]) {
  const ids: number[] = [];
  const offsets: number[] = [];
  const paragraphs: Array<{ start: number; end: number }> = [];
  let offset = 0;
  for (const tokens of paragraphIds) {
    const start = offset;
    for (const id of tokens) {
      ids.push(id);
      offsets.push(offset);
      offset += 2;
    }
    paragraphs.push({ start, end: offset - 1 });
    offset += 1;
  }
  return { ids: Int32Array.from(ids), offsets: Int32Array.from(offsets), paragraphs };
}
const run = (from: number, length: number) => Array.from({ length }, (_, index) => from + index);

describe('nearDuplicateParagraphs', () => {
  it('pairs a repeated paragraph with the first copy, in text order', () => {
    const laid = layOut([run(0, 12), run(100, 12), run(0, 12)]);
    const { compared, pairs } = nearDuplicateParagraphs(laid);
    expect(compared).toBe(3);
    expect(pairs).toEqual([
      { first: laid.paragraphs[0], second: laid.paragraphs[2], jaccard: 1, containment: 1 },
    ]);
  });

  it('compares paragraphs of eight shingles or more only', () => {
    expect(nearDuplicateParagraphs(layOut([run(0, 11), run(0, 11)]))).toEqual({
      compared: 0,
      pairs: [],
    });
    expect(nearDuplicateParagraphs(layOut([run(0, 12), run(0, 12)])).compared).toBe(2);
    expect(
      nearDuplicateParagraphs({ ...layOut([run(0, 11), run(0, 11)]), minShingles: 7 }).pairs,
    ).toHaveLength(1);
  });

  it('catches a paragraph contained in a longer one by containment', () => {
    const laid = layOut([run(0, 12), [...run(50, 20), ...run(0, 12), ...run(80, 10)]]);
    const [pair] = nearDuplicateParagraphs(laid).pairs;
    // 8 shingles shared; the longer paragraph has 38.
    expect(pair).toMatchObject({ jaccard: 8 / 38, containment: 1 });
  });

  it('keeps pairs at the thresholds and drops those under them', () => {
    // Ten tokens in common at the start: 6 of each paragraph's 8 shingles are shared.
    const laid = layOut([run(0, 12), [...run(0, 10), 90, 91]]);
    const at = { ...laid, threshold: 0.6, containmentThreshold: 1 };
    expect(nearDuplicateParagraphs(at).pairs).toEqual([
      expect.objectContaining({ jaccard: 0.6, containment: 0.75 }),
    ]);
    expect(nearDuplicateParagraphs({ ...at, threshold: 0.61 }).pairs).toEqual([]);
    expect(
      nearDuplicateParagraphs({ ...laid, threshold: 1, containmentThreshold: 0.75 }).pairs,
    ).toHaveLength(1);
    expect(
      nearDuplicateParagraphs({ ...laid, threshold: 1, containmentThreshold: 0.76 }).pairs,
    ).toEqual([]);
  });

  it('orders pairs most similar first, then by containment, then by the later paragraph', () => {
    const laid = layOut([run(0, 28), [...run(0, 16), ...run(600, 12)], run(16, 12), run(0, 28)]);
    const pairs = nearDuplicateParagraphs({ ...laid, threshold: 0.3 }).pairs;
    expect(
      pairs.map((pair) => [
        laid.paragraphs.indexOf(pair.first),
        laid.paragraphs.indexOf(pair.second),
        pair.jaccard,
        pair.containment,
      ]),
    ).toEqual([
      [0, 3, 1, 1],
      [0, 2, 1 / 3, 1],
      [2, 3, 1 / 3, 1],
      [0, 1, 1 / 3, 0.5],
      [1, 3, 1 / 3, 0.5],
    ]);
  });

  it('orders equally similar pairs by where the later paragraph starts', () => {
    const laid = layOut([run(0, 12), run(100, 12), run(100, 12), run(0, 12)]);
    expect(
      nearDuplicateParagraphs(laid).pairs.map((pair) => [
        laid.paragraphs.indexOf(pair.first),
        laid.paragraphs.indexOf(pair.second),
      ]),
    ).toEqual([
      [1, 2],
      [0, 3],
    ]);
  });

  it('leaves out the tokens between paragraphs', () => {
    const laid = layOut([run(0, 12), run(300, 6), run(0, 12)]);
    const paragraphs = [laid.paragraphs[0], laid.paragraphs[2]].flatMap((each) =>
      each ? [each] : [],
    );
    expect(nearDuplicateParagraphs({ ...laid, paragraphs }).pairs).toEqual([
      expect.objectContaining({ jaccard: 1, containment: 1 }),
    ]);
  });

  it('links every copy of a paragraph repeated over 64 times to the first, not to each other', () => {
    const copies = (count: number) =>
      nearDuplicateParagraphs(layOut(Array.from({ length: count }, () => run(0, 12)))).pairs;
    expect(copies(64)).toHaveLength((64 * 63) / 2);
    expect(copies(65)).toHaveLength(64);
    const laid = layOut([run(500, 12), ...Array.from({ length: 65 }, () => run(0, 12))]);
    const many = nearDuplicateParagraphs(laid).pairs;
    expect(many).toHaveLength(64);
    expect(new Set(many.map((pair) => pair.first))).toEqual(new Set([laid.paragraphs[1]]));
  });

  it('shingles by the size asked for', () => {
    const laid = layOut([run(0, 12), [...run(0, 6), 99, ...run(7, 5)]]);
    expect(
      nearDuplicateParagraphs({ ...laid, shingleSize: 3, minShingles: 1 }).pairs[0],
    ).toMatchObject({
      jaccard: 7 / 13,
    });
  });
});
