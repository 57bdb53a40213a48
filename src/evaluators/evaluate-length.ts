import { formatCount } from '../util/format-count.js';
import type { Finding } from './finding.js';
import { lengthBucket } from './length-bucket.js';
import { checkLengthGate, defaultLengthGate, type LengthGateSettings } from './length-gate.js';
import type { LengthResult } from './length-result-schema.js';
import { lengthScore } from './length-score.js';

/** A planned section with what was written for it. */
export interface SectionLengthInput {
  id: string;
  title: string;
  /** The word budget the plan gave it. */
  budget: number;
  /** Words written, counted with `countWords`. */
  words: number;
}

/**
 * S_l of the document against `required` and whether it lies within the length gate (floor to
 * ceiling × the target), and each section against its budget, with findings for a document
 * outside the gate, a blank one, and a section further than `tolerance` from its budget. Pure.
 */
export function evaluateLength({
  produced,
  required,
  sections = [],
  tolerance = 0.15,
  gate = defaultLengthGate,
}: {
  produced: number;
  required?: number;
  sections?: readonly SectionLengthInput[];
  tolerance?: number;
  gate?: LengthGateSettings;
}): { length: LengthResult; findings: Finding[] } {
  const findings: Finding[] = [];
  const score = required === undefined ? null : lengthScore({ required, produced });
  const gateResult =
    required === undefined ? undefined : checkLengthGate({ produced, required, gate });
  if (required === undefined) {
    findings.push({
      evaluator: 'length',
      ruleId: 'length/no-target',
      severity: 'info',
      message:
        'No required length was given, so there is no length score S_l: pass --words N (or evaluate a run directory).',
    });
  } else if (produced === 0) {
    findings.push({
      evaluator: 'length',
      ruleId: 'length/blank',
      severity: 'error',
      message: `The document is blank: it has none of the ${formatCount(required)} words required, so S_l is 0, as LongBench-Write scores a blank answer.`,
    });
  } else if (gateResult && gateResult.status !== 'within') {
    const bound =
      gateResult.status === 'short'
        ? `under the floor of ${formatCount(gateResult.floorWords)} (${gate.floor}×)`
        : `over the ceiling of ${formatCount(gateResult.ceilingWords)} (${gate.ceiling}×)`;
    findings.push({
      evaluator: 'length',
      ruleId: gateResult.status === 'short' ? 'length/below-floor' : 'length/above-ceiling',
      severity: 'warning',
      message: `The document has ${formatCount(produced)} words, ${describeMiss(produced / required)} the ${formatCount(required)} required: ${bound} (S_l ${score?.toFixed(1)}).`,
    });
  }

  const rows = sections.map((section) => {
    const ratio = section.budget > 0 ? section.words / section.budget : null;
    return {
      id: section.id,
      title: section.title,
      budget: section.budget,
      words: section.words,
      ratio,
      score:
        section.budget > 0
          ? lengthScore({ required: section.budget, produced: section.words })
          : null,
    };
  });
  for (const row of rows) {
    if (row.ratio !== null && Math.abs(row.ratio - 1) > tolerance) {
      findings.push({
        evaluator: 'length',
        ruleId: 'length/section-off-budget',
        severity: 'warning',
        message: `Section "${row.title}" has ${row.words} words, ${describeMiss(row.ratio)} its budget of ${row.budget}.`,
        location: { section: row.id },
      });
    }
  }
  return {
    length: {
      required: required ?? null,
      produced,
      score,
      bucket: required === undefined ? null : lengthBucket(required),
      gate:
        gateResult === undefined
          ? null
          : { floor: gate.floor, ceiling: gate.ceiling, ...gateResult },
      tolerance,
      sections: rows,
      sectionsWithinTolerance:
        rows.length === 0
          ? null
          : rows.filter((row) => row.ratio !== null && Math.abs(row.ratio - 1) <= tolerance).length,
    },
    findings,
  };
}

function describeMiss(ratio: number): string {
  const percent = Math.round(Math.abs(ratio - 1) * 100);
  return ratio < 1 ? `${percent}% under` : `${percent}% over`;
}
