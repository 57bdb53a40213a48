import type { Finding } from '../../evaluators/finding.js';

/** The error of a draft whose reply was still cut off after the allowed continuations. */
export function truncatedFinding(sectionId: string): Finding {
  return {
    evaluator: 'check',
    ruleId: 'check/truncated',
    severity: 'error',
    message: 'the reply was still cut off by the output limit after the allowed continuations',
    location: { section: sectionId },
  };
}
