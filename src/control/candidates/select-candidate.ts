/** What a candidate draft is measured by; `quality` only when a judge is given. */
export const candidateMetrics = ['length', 'errors', 'overlap', 'quality'] as const;
export type CandidateMetric = (typeof candidateMetrics)[number];

/** Which way each metric is better: a smaller length miss, fewer errors, less overlap, more quality. */
const better: Record<CandidateMetric, 'lower' | 'higher'> = {
  length: 'lower',
  errors: 'lower',
  overlap: 'lower',
  quality: 'higher',
};

/** One candidate's raw measures, as `measureCandidate` gives them. */
export interface CandidateMeasures {
  /** The candidate's number, 1-based. */
  candidate: number;
  metrics: Partial<Record<CandidateMetric, number>>;
}

/** One candidate's measures, raw and normalised within its group, and their mean. */
export interface CandidateScore {
  candidate: number;
  /** `normalised`: 0 for the group's best value, 1 for its worst, in between linearly. */
  metrics: Partial<Record<CandidateMetric, { raw: number; normalised: number }>>;
  /** The mean of the normalised metrics: 0 is best on every one. */
  score: number;
}

/** Which candidate is kept, and every candidate's scores. */
export interface CandidateSelection {
  kept: number;
  scores: CandidateScore[];
}

/**
 * Chooses the best of several drafts of one section. Each metric is normalised within the group
 * (min–max, oriented so 0 is the best value and 1 the worst; a metric on which all are equal
 * gives 0 to all, since it cannot tell them apart), so a metric counted in words weighs the same
 * as one counted in findings; the metrics then count equally (nothing measured here says one
 * matters more than another). A metric counts only when every candidate has it (a judgement the
 * judge dropped for one leaves quality out for all). The lowest mean wins; on a tie, the
 * candidate drafted first. Pure.
 */
export function selectCandidate({
  candidates,
}: {
  candidates: readonly CandidateMeasures[];
}): CandidateSelection {
  if (candidates.length === 0) throw new RangeError('selectCandidate needs at least one candidate');
  const counted = candidateMetrics.filter((metric) =>
    candidates.every((candidate) => candidate.metrics[metric] !== undefined),
  );
  const ranges = new Map(
    counted.map((metric) => {
      const values = candidates.map((candidate) => candidate.metrics[metric]!);
      return [metric, { low: Math.min(...values), high: Math.max(...values) }];
    }),
  );
  const scores = candidates.map((candidate): CandidateScore => {
    const metrics: CandidateScore['metrics'] = {};
    for (const metric of counted) {
      const raw = candidate.metrics[metric]!;
      const { low, high } = ranges.get(metric)!;
      const share = high === low ? 0 : (raw - low) / (high - low);
      metrics[metric] = { raw, normalised: better[metric] === 'lower' ? share : 1 - share };
    }
    const normalised = Object.values(metrics).map((each) => each.normalised);
    const score =
      normalised.length === 0
        ? 0
        : normalised.reduce((sum, each) => sum + each, 0) / normalised.length;
    return { candidate: candidate.candidate, metrics, score };
  });
  const kept = scores.reduce((best, each) =>
    each.score < best.score || (each.score === best.score && each.candidate < best.candidate)
      ? each
      : best,
  );
  return { kept: kept.candidate, scores };
}
