import { describe, expect, it } from 'vitest';
import { lateCollapse } from '../../../src/evaluators/repetition/late-collapse.js';

// Token 0 is the only function word; healthy text alternates it with ever-new content tokens.
const isFunctionWord = Uint8Array.from({ length: 100_000 }, (_, id) => (id === 0 ? 1 : 0));
let next = 1;
const healthy = (length: number) =>
  Array.from({ length }, (_, index) => (index % 2 === 0 ? 0 : next++));
const loop = (length: number) => Array.from({ length }, (_, index) => 90_000 + (index % 3));
const salad = (length: number) => Array.from({ length }, () => next++);

describe('lateCollapse', () => {
  it('needs at least four windows', () => {
    expect(
      lateCollapse({ ids: Int32Array.from(healthy(700)), isFunctionWord, windowTokens: 400 }),
    ).toEqual({ status: 'tooShort', windows: 3 });
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
