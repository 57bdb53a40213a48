import { describe, expect, it } from 'vitest';
import {
  type CandidateMeasures,
  selectCandidate,
} from '../../../src/control/candidates/select-candidate.js';

const candidate = (number: number, metrics: CandidateMeasures['metrics']): CandidateMeasures => ({
  candidate: number,
  metrics,
});

/** No least range: plain min–max. */
const exact = { length: 0, overlap: 0, errors: 0, quality: 0 };

describe('selectCandidate', () => {
  it('normalises each metric within the group, 0 for the best value and 1 for the worst', () => {
    const { scores } = selectCandidate({
      resolution: exact,
      candidates: [
        candidate(1, { length: 0.75, errors: 2 }),
        candidate(2, { length: 0.25, errors: 0 }),
        candidate(3, { length: 0.5, errors: 1 }),
      ],
    });
    expect(scores.map((score) => score.metrics.length?.normalised)).toEqual([1, 0, 0.5]);
    expect(scores.map((score) => score.metrics.errors)).toEqual([
      { raw: 2, normalised: 1 },
      { raw: 0, normalised: 0 },
      { raw: 1, normalised: 0.5 },
    ]);
    expect(scores.map((score) => score.score)).toEqual([1, 0, 0.5]);
  });

  it('weighs metrics of different scales equally once normalised', () => {
    // Candidate 1 misses its length by far more words than candidate 2 has extra errors, but
    // on the normalised scale one metric each goes against them: the overlap decides.
    const selection = selectCandidate({
      resolution: exact,
      candidates: [
        candidate(1, { length: 0.9, errors: 0, overlap: 0 }),
        candidate(2, { length: 0, errors: 1, overlap: 0.3 }),
      ],
    });
    expect(selection.scores.map((score) => score.score)).toEqual([1 / 3, 2 / 3]);
    expect(selection.kept).toBe(1);
  });

  it('gives every candidate 0 on a metric where all are equal', () => {
    const { scores, kept } = selectCandidate({
      resolution: exact,
      candidates: [
        candidate(1, { errors: 1, length: 0.2 }),
        candidate(2, { errors: 1, length: 0.1 }),
      ],
    });
    expect(scores.map((score) => score.metrics.errors?.normalised)).toEqual([0, 0]);
    expect(kept).toBe(2);
  });

  it('keeps the candidate drafted first on a tie', () => {
    const selection = selectCandidate({
      resolution: exact,
      candidates: [
        candidate(2, { length: 0.1, errors: 1 }),
        candidate(1, { length: 0.2, errors: 0 }),
        candidate(3, { length: 0.1, errors: 1 }),
      ],
    });
    expect(selection.scores.map((score) => score.score)).toEqual([0.5, 0.5, 0.5]);
    expect(selection.kept).toBe(1);
  });

  it('counts the judge, the higher score the better, when it scored every candidate', () => {
    const measures = [
      candidate(1, { length: 0.1, errors: 0, quality: 40 }),
      candidate(2, { length: 0.1, errors: 0, quality: 90 }),
    ];
    const judged = selectCandidate({ candidates: measures, resolution: exact });
    expect(judged.scores.map((score) => score.metrics.quality?.normalised)).toEqual([1, 0]);
    expect(judged.kept).toBe(2);

    const withoutJudge = selectCandidate({
      resolution: exact,
      candidates: measures.map(({ candidate: number, metrics: { quality: _, ...rest } }) =>
        candidate(number, rest),
      ),
    });
    expect(withoutJudge.kept).toBe(1);
  });

  it('leaves a metric out when one candidate lacks it (a dropped judgement)', () => {
    const { scores, kept } = selectCandidate({
      resolution: exact,
      candidates: [candidate(1, { length: 0.3, quality: 95 }), candidate(2, { length: 0.1 })],
    });
    expect(scores.every((score) => score.metrics.quality === undefined)).toBe(true);
    expect(kept).toBe(2);
  });

  it('stretches no difference smaller than the resolution to the full scale', () => {
    // 1% against 0% of repeated phrases, where the check allows 20%, against a draft 67% over.
    const candidates = [
      candidate(1, { length: 0.07, overlap: 0.01 }),
      candidate(2, { length: 0.67, overlap: 0 }),
      candidate(3, { length: 0.04, overlap: 0.01 }),
    ];
    const plain = selectCandidate({ candidates, resolution: exact });
    // Plain min–max: the draft 67% over its budget ties the one on it, and wins as the earlier.
    expect(plain.kept).toBe(2);
    const resolved = selectCandidate({ candidates, resolution: { length: 0.15, overlap: 0.2 } });
    const overlap = resolved.scores.map((score) => score.metrics.overlap!.normalised);
    expect(overlap[0]).toBeCloseTo(0.05);
    expect(overlap[1]).toBe(0);
    expect(resolved.kept).toBe(3);
  });

  it('keeps a lone candidate, and refuses an empty group', () => {
    expect(
      selectCandidate({ candidates: [candidate(1, { length: 0.5 })], resolution: exact }),
    ).toEqual({
      kept: 1,
      scores: [{ candidate: 1, metrics: { length: { raw: 0.5, normalised: 0 } }, score: 0 }],
    });
    expect(() => selectCandidate({ candidates: [], resolution: exact })).toThrow(RangeError);
  });
});
