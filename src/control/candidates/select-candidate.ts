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
 * The smallest difference on each metric that tells two drafts apart, used as the least range
 * of the min–max normalisation. Without it, any difference, however small, is stretched to the
 * full scale: 1% against 0% of repeated phrases, where the check allows 20%, would weigh as much
 * as a draft twice its budget against one on it. Length and overlap take the tolerance the
 * section checks allow (`write.lengthTolerance`, `write.maxOverlap`); errors one finding;
 * quality one step of one of the judge's six 1–5 ratings (25/6 points of S_q).
 */
export interface MetricResolution {
  length: number;
  overlap: number;
  errors?: number;
  quality?: number;
}

/**
 * Chooses the best of several drafts of one section. Each metric is normalised within the group
 * (min–max over a range no narrower than its `resolution`, oriented so 0 is the group's best
 * value and 1 its worst when they are that far apart; a metric on which all are equal gives 0
 * to all), so a metric counted in words weighs
 * the same as one counted in findings; the metrics then count equally (nothing measured here
 * says one matters more than another). A metric counts only when every candidate has it (a
 * judgement the judge dropped for one leaves quality out for all). The lowest mean wins; on a
 * tie, the candidate drafted first. Pure.
 */
export function selectCandidate({
  candidates,
  resolution,
}: {
  candidates: readonly CandidateMeasures[];
  resolution: MetricResolution;
}): CandidateSelection {
  const least: Record<CandidateMetric, number> = {
    errors: 1,
    quality: 25 / 6,
    ...resolution,
  };
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
      const span = Math.max(high - low, least[metric]);
      const fromBest = better[metric] === 'lower' ? raw - low : high - raw;
      metrics[metric] = { raw, normalised: span > 0 ? fromBest / span : 0 };
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
