import { describe, expect, it } from 'vitest';
import type { SgtResult } from '../../../src/bench/sgt/sgt-result-schema.js';
import { sgtPageData } from '../../../src/report/bench/sgt-page-data.js';

const manifest = {
  benchmark: 'sgt' as const,
  mode: 'quire' as const,
  model: 'sim',
  judge: null,
  data: 'tasks.json',
  quire: '0.1.0',
  createdAt: '2026-01-01T00:00:00Z',
};
const counts = { checks: 1, present: 1, satisfied: 1 };

function sgtResult(overrides: Partial<SgtResult>): SgtResult {
  return {
    id: 'task',
    scenario: 'diary',
    source: 'generated',
    mode: 'quire',
    model: 'sim',
    segments: { required: 3, found: 3 },
    words: 900,
    cr: 1,
    stic1: 0.5,
    stic2: 0.5,
    wAvg: 0.5,
    checks: { total: 2, present: 2, satisfied: 1, undecided: 0, judged: 0 },
    byType: { once: counts, range: counts, periodic: counts },
    leakage: { pairs: 4, leaked: 0 },
    segmentsBelowMinimum: 0,
    usage: { inputTokens: 1, outputTokens: 1, cachedInputTokens: 0, calls: 1, failedAttempts: 0 },
    elapsedSeconds: 1,
    runDirectory: null,
    responseFile: null,
    finishedAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

describe('sgtPageData', () => {
  it('gives each scenario its metrics and the worst tasks their grids of checks', () => {
    const data = sgtPageData({
      folders: [
        {
          directory: 'sgt',
          manifest,
          results: [
            sgtResult({
              id: 'good',
              wAvg: 0.9,
              checkResults: [
                {
                  constraint: 0,
                  type: 'once',
                  segment: 2,
                  event: 'rain',
                  decision: 'yes',
                  decidedBy: 'lexical',
                },
              ],
            }),
            sgtResult({
              id: 'bad',
              wAvg: 0.1,
              checkResults: [
                {
                  constraint: 0,
                  type: 'range',
                  segment: 1,
                  event: 'fog',
                  decision: 'no',
                  decidedBy: 'lexical',
                },
                {
                  constraint: 0,
                  type: 'range',
                  segment: 2,
                  event: 'fog',
                  decision: 'undecided',
                  decidedBy: 'noJudge',
                },
              ],
            }),
            sgtResult({ id: 'old' }),
          ],
        },
      ],
    });
    expect(data.grids.map((grid) => grid.result.id)).toEqual(['bad', 'good']);
    expect(data.grids[0]?.cells).toEqual([
      { constraint: '#1 range: fog', segment: 1, decision: 'miss' },
      { constraint: '#1 range: fog', segment: 2, decision: 'undecided' },
    ]);
    expect(data.withoutChecks).toBe(1);
    expect(data.scores.filter((score) => score.measure === 'CR')).toEqual([
      { group: 'diary', mode: 'quire', measure: 'CR', score: 100, items: 3 },
    ]);
  });
});
