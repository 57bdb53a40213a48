import { describe, expect, it } from 'vitest';
import { lateCollapse } from '../../../src/evaluators/repetition/late-collapse.js';

// Token 0 is the only function word; healthy text alternates it with ever-new content tokens.
const isFunctionWord = Uint8Array.from({ length: 100_000 }, (_, id) => (id === 0 ? 1 : 0));
let next = 1;
const healthy = (length: number) =>
  Array.from({ length }, (_, index) => (index % 2 === 0 ? 0 : next++));
const loop = (length: number) => Array.from({ length }, (_, index) => 90_000 + (index % 3));
const salad = (length: number) => Array.from({ length }, () => next++);
/**
 * Blocks of five tokens, the first `count` of each a function word: windows of ten tokens,
 * sliding by five, then hold a known share of function words each.
 */
const blocks = (...counts: number[]) =>
  counts.flatMap((count) => Array.from({ length: 5 }, (_, index) => (index < count ? 0 : next++)));

describe('lateCollapse', () => {
  it('needs at least four windows', () => {
    expect(
      lateCollapse({ ids: Int32Array.from(healthy(700)), isFunctionWord, windowTokens: 400 }),
    ).toEqual({ status: 'tooShort', windows: 3 });
  });

  it('counts the windows of a short text, adding one at the end only where the text goes on', () => {
    const windowsOf = (length: number) =>
      lateCollapse({ ids: Int32Array.from(healthy(length)), isFunctionWord, windowTokens: 400 });
    expect(windowsOf(300)).toEqual({ status: 'tooShort', windows: 0 });
    expect(windowsOf(400)).toEqual({ status: 'tooShort', windows: 1 });
    expect(windowsOf(800)).toEqual({ status: 'tooShort', windows: 3 });
  });

  it('takes as baseline the median window of the first half', () => {
    // Windows from the first half hold 5, 2, 1, 4 and 3 tenths of function words; the others 1,
    // 4, 6 and 6 tenths.
    const odd = lateCollapse({
      ids: Int32Array.from(blocks(3, 2, 0, 1, 3, 0, 1, 3, 3, 3)),
      isFunctionWord,
      windowTokens: 10,
    });
    expect(odd.status).not.toBe('tooShort');
    if (odd.status === 'tooShort') return;
    expect(odd.baseline.functionShare).toBeCloseTo(0.3, 10);
    // Six windows in the first half (5, 2, 1, 4, 3 and 2 tenths): the mean of the middle two.
    const even = lateCollapse({
      ids: Int32Array.from(blocks(3, 2, 0, 1, 3, 0, 2, 3, 3, 3, 3)),
      isFunctionWord,
      windowTokens: 10,
    });
    expect(even.status).not.toBe('tooShort');
    if (even.status === 'tooShort') return;
    expect(even.baseline.functionShare).toBeCloseTo(0.25, 10);
  });

  it('sees no collapse in a text that loops from its start: the loop is its baseline', () => {
    const ids = Int32Array.from(loop(4_000));
    expect(lateCollapse({ ids, isFunctionWord, windowTokens: 400 })).toEqual({
      status: 'none',
      baseline: { startToken: 0, rep4: 1 - 3 / 397, functionShare: 0 },
    });
  });

  it('calls a rise in repetition of exactly the threshold a collapse', () => {
    const ids = Int32Array.from([...healthy(40), ...loop(40)]);
    // A window of the loop has 3 different 4-grams out of 7.
    const result = lateCollapse({
      ids,
      isFunctionWord,
      windowTokens: 10,
      repetitionRise: 1 - 3 / 7,
      functionShareFall: 0,
    });
    expect(result).toMatchObject({
      status: 'collapse',
      reasons: ['repetition'],
      window: { startToken: 40 },
      position: 0.5,
    });
  });

  it('calls nothing a collapse when the last window has recovered, however loose the persistence', () => {
    const ids = Int32Array.from([...healthy(40), ...loop(30), ...healthy(10)]);
    expect(lateCollapse({ ids, isFunctionWord, windowTokens: 10, persistence: 0.1 }).status).toBe(
      'none',
    );
  });

  it('starts a collapse no earlier than a quarter into the text', () => {
    // 80 tokens in windows of 10: a quarter in is token 20.
    const fromQuarter = lateCollapse({
      ids: Int32Array.from([...healthy(20), ...loop(60)]),
      isFunctionWord,
      windowTokens: 10,
    });
    expect(fromQuarter).toMatchObject({ status: 'collapse', window: { startToken: 20 } });
    // A loop in the first quarter is not part of the collapse, however loose the persistence.
    const early = lateCollapse({
      ids: Int32Array.from([...healthy(10), ...loop(10), ...healthy(25), ...loop(35)]),
      isFunctionWord,
      windowTokens: 10,
      persistence: 0.5,
    });
    expect(early).toMatchObject({ status: 'collapse', window: { startToken: 45 } });
  });

  it('sees no collapse in steady text', () => {
    const result = lateCollapse({
      ids: Int32Array.from(healthy(4_000)),
      isFunctionWord,
      windowTokens: 400,
    });
    expect(result).toMatchObject({ status: 'none', baseline: { rep4: 0, functionShare: 0.5 } });
  });

  it('finds a loop that runs to the end, from its first window', () => {
    const ids = Int32Array.from([...healthy(3_000), ...loop(1_000)]);
    const result = lateCollapse({ ids, isFunctionWord, windowTokens: 400 });
    expect(result).toMatchObject({ status: 'collapse', reasons: ['repetition'] });
    if (result.status !== 'collapse') return;
    expect(result.window.startToken).toBeGreaterThanOrEqual(2_600);
    expect(result.window.startToken).toBeLessThanOrEqual(3_000);
  });

  it('finds a fall in function words that runs to the end', () => {
    const ids = Int32Array.from([...healthy(3_000), ...salad(1_000)]);
    const result = lateCollapse({ ids, isFunctionWord, windowTokens: 400 });
    expect(result).toMatchObject({ status: 'collapse', reasons: ['functionWords'] });
  });

  it('ignores a degraded passage that recovers before the end', () => {
    const ids = Int32Array.from([...healthy(2_000), ...loop(600), ...healthy(1_600)]);
    expect(lateCollapse({ ids, isFunctionWord, windowTokens: 400 }).status).toBe('none');
  });

  it('measures from four windows on', () => {
    expect(
      lateCollapse({ ids: Int32Array.from(healthy(1_000)), isFunctionWord, windowTokens: 400 })
        .status,
    ).toBe('none');
  });

  it('aligns a last window to the end, so a loop in the last tokens is seen', () => {
    const ids = Int32Array.from([...healthy(3_900), ...loop(250)]);
    const result = lateCollapse({ ids, isFunctionWord, windowTokens: 400 });
    expect(result).toMatchObject({
      status: 'collapse',
      reasons: ['repetition', 'functionWords'],
      window: { startToken: 3_750 },
      position: 3_750 / 4_150,
    });
  });

  it('lets only prose lose its function words', () => {
    // One function word in five: under the share that makes English prose.
    const sparse = (length: number) =>
      Array.from({ length }, (_, index) => (index % 5 === 0 ? 0 : next++));
    const ids = Int32Array.from([...sparse(3_000), ...salad(1_000)]);
    expect(lateCollapse({ ids, isFunctionWord, windowTokens: 400 }).status).toBe('none');
    expect(
      lateCollapse({ ids, isFunctionWord, windowTokens: 400, proseFunctionShare: 0.2 }),
    ).toMatchObject({ status: 'collapse', reasons: ['functionWords'] });
  });

  it('calls a collapse only where enough of the windows to the end are collapsed', () => {
    const ids = Int32Array.from([...healthy(2_800), ...loop(400), ...healthy(400), ...loop(800)]);
    const strict = lateCollapse({ ids, isFunctionWord, windowTokens: 400, persistence: 1 });
    const loose = lateCollapse({ ids, isFunctionWord, windowTokens: 400, persistence: 0.5 });
    expect(strict.status).toBe('collapse');
    expect(loose.status).toBe('collapse');
    if (strict.status !== 'collapse' || loose.status !== 'collapse') return;
    expect(strict.window.startToken).toBeGreaterThanOrEqual(3_400);
    expect(loose.window.startToken).toBeLessThan(3_200);
  });
});
