import type { RepairAction } from '../agents/revise-section.js';
import type { Finding } from '../evaluators/finding.js';

/**
 * Picks how to repair a section from its failed checks. Content problems (repetition, a missing
 * constraint, leaked meta-text) need a rewrite, which also resets the length; a pure length miss
 * is expanded or condensed. Undefined when nothing needs repair. Pure.
 */
export function chooseRepair(findings: Finding[]): RepairAction | undefined {
  const errors = findings.filter((finding) => finding.severity === 'error');
  if (errors.length === 0) return undefined;
  const lengthRules = new Set(['check/length-short', 'check/length-long', 'check/truncated']);
  if (errors.some((finding) => !lengthRules.has(finding.ruleId))) return 'rewrite';
  return errors.some((finding) => finding.ruleId === 'check/length-long') ? 'condense' : 'expand';
}
