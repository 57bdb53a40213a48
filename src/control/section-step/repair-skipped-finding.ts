import type { Finding } from '../../evaluators/finding.js';

/** The warning of a repair skipped because the draft and its instructions overflow the window. */
export function repairSkippedFinding({
  sectionId,
  action,
}: {
  sectionId: string;
  action: string;
}): Finding {
  return {
    evaluator: 'check',
    ruleId: 'context/repair-skipped',
    severity: 'warning',
    message: `the ${action} repair was skipped: the draft and its instructions do not fit the model's context window`,
    location: { section: sectionId },
  };
}
