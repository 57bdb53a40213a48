import { type LengthBucket, lengthBuckets } from '../../evaluators/length-bucket.js';
import {
  checkLengthGate,
  defaultLengthGate,
  type LengthGateSettings,
} from '../../evaluators/length-gate.js';
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
  /** Items whose answer falls outside the length gate, below its floor or above its ceiling. */
  outsideGate: { short: number; long: number };
}

/** The LongBench-Write table: overall, by length bucket, by language and by genre. */
export interface LongbenchSummary {
  /** The length gate the `outsideGate` counts use. */
  gate: LengthGateSettings;
  overall: LongbenchGroupScore;
  /** The four buckets always (empty ones with null scores); `>20000` only when present. */
  byBucket: LongbenchGroupScore[];
  byLanguage: LongbenchGroupScore[];
  byType: LongbenchGroupScore[];
}

/**
 * Aggregates results the way the LongWriter paper reports them: per group the mean S_l, the
 * mean S_q over the items a judge scored, and S = (S_l + S_q) / 2 of those means; and, as
 * `quire write` judges its own documents, how many answers fall outside the length gate. Pure.
 */
export function summariseLongbench({
  results,
  gate = defaultLengthGate,
}: {
  results: readonly LongbenchResult[];
  gate?: LengthGateSettings;
}): LongbenchSummary {
  const buckets: LengthBucket[] = lengthBuckets.filter(
    (bucket) => bucket !== '>20000' || results.some((result) => result.bucket === bucket),
  );
  const languages = [...new Set(results.map((result) => result.lang))].sort();
  const types = [...new Set(results.map((result) => result.type))].sort();
  return {
    gate,
    overall: groupScore({ group: 'overall', results, gate }),
    byBucket: buckets.map((bucket) =>
      groupScore({
        group: bucket,
        results: results.filter((result) => result.bucket === bucket),
        gate,
      }),
    ),
    byLanguage: languages.map((lang) =>
      groupScore({ group: lang, results: results.filter((result) => result.lang === lang), gate }),
    ),
    byType: types.map((type) =>
      groupScore({ group: type, results: results.filter((result) => result.type === type), gate }),
    ),
  };
}

function groupScore({
  group,
  results,
  gate,
}: {
  group: string;
  results: readonly LongbenchResult[];
  gate: LengthGateSettings;
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
    outsideGate: outsideGate({ results, gate }),
  };
}

function outsideGate({
  results,
  gate,
}: {
  results: readonly LongbenchResult[];
  gate: LengthGateSettings;
}): LongbenchGroupScore['outsideGate'] {
  const statuses = results.map(
    (result) =>
      checkLengthGate({ produced: result.response_length, required: result.length, gate }).status,
  );
  return {
    short: statuses.filter((status) => status === 'short').length,
    long: statuses.filter((status) => status === 'long').length,
  };
}
