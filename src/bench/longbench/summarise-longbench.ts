import { type LengthBucket, lengthBuckets } from '../../evaluators/length-bucket.js';
import { meanOrNull } from '../mean-or-null.js';
import type { LongbenchResult } from './longbench-result-schema.js';

/** Scores of a group of items (a bucket, a language, a genre, or all). */
export interface LongbenchGroupScore {
  /** The bucket, language or type; `overall` for every item. */
  group: string;
  items: number;
  /** Items with an S_q (judged, and not dropped). */
  judged: number;
  /** Mean S_l; null for an empty group. */
  lengthScore: number | null;
  /** Mean S_q over the judged items; null when none was judged. */
  qualityScore: number | null;
  /** (mean S_l + mean S_q) / 2, LongBench-Write's S; null without S_q. */
  overall: number | null;
  /** Mean required and produced length, to read S_l with. */
  meanRequired: number | null;
  meanProduced: number | null;
}

/** The LongBench-Write table: overall, by length bucket, by language and by genre. */
export interface LongbenchSummary {
  overall: LongbenchGroupScore;
  /** The four buckets always (empty ones with null scores); `>20000` only when present. */
  byBucket: LongbenchGroupScore[];
  byLanguage: LongbenchGroupScore[];
  byType: LongbenchGroupScore[];
}

/**
 * Aggregates results the way the LongWriter paper reports them: per group the mean S_l, the
 * mean S_q over the items a judge scored, and S = (S_l + S_q) / 2 of those means. Pure.
 */
export function summariseLongbench({
  results,
}: {
  results: readonly LongbenchResult[];
}): LongbenchSummary {
  const buckets: LengthBucket[] = lengthBuckets.filter(
    (bucket) => bucket !== '>20000' || results.some((result) => result.bucket === bucket),
  );
  const languages = [...new Set(results.map((result) => result.lang))].sort();
  const types = [...new Set(results.map((result) => result.type))].sort();
  return {
    overall: groupScore({ group: 'overall', results }),
    byBucket: buckets.map((bucket) =>
      groupScore({ group: bucket, results: results.filter((result) => result.bucket === bucket) }),
    ),
    byLanguage: languages.map((lang) =>
      groupScore({ group: lang, results: results.filter((result) => result.lang === lang) }),
    ),
    byType: types.map((type) =>
      groupScore({ group: type, results: results.filter((result) => result.type === type) }),
    ),
  };
}

function groupScore({
  group,
  results,
}: {
  group: string;
  results: readonly LongbenchResult[];
}): LongbenchGroupScore {
  const judged = results.flatMap((result) => (result.S_q === null ? [] : [result.S_q]));
  const lengthScore = meanOrNull(results.map((result) => result.S_l));
  const qualityScore = meanOrNull(judged);
  return {
    group,
    items: results.length,
    judged: judged.length,
    lengthScore,
    qualityScore,
    overall:
      lengthScore === null || qualityScore === null ? null : (lengthScore + qualityScore) / 2,
    meanRequired: meanOrNull(results.map((result) => result.length)),
    meanProduced: meanOrNull(results.map((result) => result.response_length)),
  };
}
