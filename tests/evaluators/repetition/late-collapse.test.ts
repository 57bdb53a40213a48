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
});
