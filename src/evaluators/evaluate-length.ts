import type { Finding } from './finding.js';
import { lengthBucket } from './length-bucket.js';
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
 * S_l of the document against `required`, and each section against its budget, with findings
 * for a document or section further than `tolerance` from its target. Pure.
 */
export function evaluateLength({
  produced,
  required,
  sections = [],
  tolerance = 0.15,
}: {
  produced: number;
  required?: number;
  sections?: readonly SectionLengthInput[];
  tolerance?: number;
}): { length: LengthResult; findings: Finding[] } {
  const findings: Finding[] = [];
  const score = required === undefined ? null : lengthScore({ required, produced });
  if (required === undefined) {
    findings.push({
      evaluator: 'length',
      ruleId: 'length/no-target',
      severity: 'info',
      message:
        'No required length was given, so there is no length score S_l: pass --words N (or evaluate a run directory).',
    });
  } else if (Math.abs(produced / required - 1) > tolerance) {
    findings.push({
      evaluator: 'length',
      ruleId: 'length/off-target',
      severity: 'warning',
      message: `The document has ${produced.toLocaleString('en-US')} words, ${describeMiss(produced / required)} the ${required.toLocaleString('en-US')} required (S_l ${score?.toFixed(1)}).`,
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
