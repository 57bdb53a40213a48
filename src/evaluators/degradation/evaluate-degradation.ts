import pLimit from 'p-limit';
import type { Finding } from '../finding.js';
import type { Judge } from '../judge.js';
import { judgeQuality } from '../quality/judge-quality.js';
import {
  type DegradationMeasure,
  type DegradationResult,
  degradationMeasures,
} from './degradation-result-schema.js';
import { documentParts } from './document-parts.js';
import { partMetrics } from './part-metrics.js';
import { type Trend, trend } from './trend.js';

/** How much worse the second half must be, per measure, to be called degraded. */
const limits: Record<DegradationMeasure, (trend: Trend) => boolean> = {
  distinct1: (t) => drop(t) >= 0.1,
  distinct2: (t) => drop(t) >= 0.1,
  rep4: (t) => -drop(t) >= 0.1,
  // Only prose has function words to lose; a fall to under three quarters is keyword salad.
  functionShare: (t) =>
    (t.firstHalf ?? 0) >= 0.1 && (t.secondHalf ?? 1) < 0.75 * (t.firstHalf ?? 0),
  sentenceLength: () => false,
  quality: (t) => drop(t) >= 10,
};

function drop({ firstHalf, secondHalf }: Trend): number {
  return firstHalf === null || secondHalf === null ? 0 : firstHalf - secondHalf;
}

/**
 * Degradation across a document, as EQ-Bench Longform (chapter 1 against chapter 8) and
 * LongGenBench (quality along the output) measure it: the document is cut into its parts, each
 * part measured (distinct-1/2, rep-4, function-word share, sentence length and, with a judge
 * and `partQuality`, its S_q), and each measure's last-minus-first delta and slope reported. A
 * second half clearly worse than the first (distinct-n 0.1 lower, rep-4 0.1 higher, function
 * words under three quarters of the first half's share, S_q 10 lower) is a warning. Null when
 * the document has fewer than two parts. Calls the judge once per part, and only then.
 */
export async function evaluateDegradation({
  text,
  sections,
  judge,
  partQuality = false,
  request,
}: {
  text: string;
  sections?: ReadonlyArray<{ title: string; text: string }>;
  judge?: Judge;
  /** Ask the judge for each part's S_q (one call per part). */
  partQuality?: boolean;
  request?: string;
}): Promise<{ degradation: DegradationResult | null; findings: Finding[]; judgeCalls: number }> {
  const { source, parts } = documentParts({ text, sections });
  if (parts.length < 2) return { degradation: null, findings: [], judgeCalls: 0 };
  const limit = pLimit(judge?.concurrency ?? 4);
  const asked = judge !== undefined && partQuality;
  const qualities = await Promise.all(
    parts.map((part) =>
      asked
        ? limit(async () => (await judgeQuality({ judge, text: part.text, request })).quality.score)
        : null,
    ),
  );
  const measured = parts.map((part, index) => ({
    title: part.title,
    ...partMetrics(part.text),
    quality: qualities[index] ?? null,
  }));
  const trends = Object.fromEntries(
    degradationMeasures.map((measure) => [measure, trend(measured.map((part) => part[measure]))]),
  ) as Record<DegradationMeasure, Trend>;
  const degraded = degradationMeasures.filter((measure) => limits[measure](trends[measure]));
  const findings: Finding[] =
    degraded.length === 0
      ? []
      : [
          {
            evaluator: 'degradation',
            ruleId: 'degradation/second-half',
            severity: 'warning',
            message: `The second half of the document is worse than the first (${degraded.map((measure) => describe(measure, trends[measure])).join('; ')}), over ${parts.length} ${source === 'chunks' ? 'equal parts' : source}.`,
          },
        ];
  return {
    degradation: { source, parts: measured, trends, degraded },
    findings,
    judgeCalls: asked ? parts.length : 0,
  };
}

function describe(measure: DegradationMeasure, { firstHalf, secondHalf }: Trend): string {
  const format = (value: number | null) =>
    value === null ? '—' : measure === 'quality' ? value.toFixed(1) : value.toFixed(2);
  return `${measure} ${format(firstHalf)} → ${format(secondHalf)}`;
}
