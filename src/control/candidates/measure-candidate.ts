import { countWords } from '../../evaluators/count-words.js';
import type { Finding } from '../../evaluators/finding.js';
import { sectionOverlap } from '../checks/check-overlap.js';
import type { CandidateMeasures } from './select-candidate.js';

/** Rules measured on their own scale (length, overlap), so not counted again among the errors. */
const measuredApart = new Set(['check/length-short', 'check/length-long', 'check/overlap']);

/**
 * A candidate's raw measures, from what the section checks compute: how far its length is from
 * the budget (as a share of it), how many other errors the checks found (meta-text, missing
 * constraints, a reply cut off), the share of its 5-word phrases repeating earlier sections,
 * and the judge's quality score when there is one. Pure.
 */
export function measureCandidate({
  text,
  findings,
  budget,
  previous,
  quality,
}: {
  text: string;
  /** The section checks' findings on this candidate. */
  findings: readonly Finding[];
  budget: number;
  previous: string[];
  /** S_q of the candidate, 0–100, when a judge scored it. */
  quality?: number | undefined;
}): CandidateMeasures['metrics'] {
  const errors = findings.filter(
    (finding) => finding.severity === 'error' && !measuredApart.has(finding.ruleId),
  ).length;
  return {
    length: Math.abs(countWords(text) - budget) / Math.max(1, budget),
    errors,
    overlap: sectionOverlap({ text, previous }),
    ...(quality === undefined ? {} : { quality }),
  };
}
