import { countWords } from '../../evaluators/count-words.js';
import type { Finding } from '../../evaluators/finding.js';

/** A draft of a section with the findings of its checks. */
export interface CheckedDraft {
  text: string;
  findings: Finding[];
}

/**
 * Whether `candidate` is a better draft than `than`: fewer errors (warnings do not count), or as
 * many and closer to the section's `budget` in words. A tie keeps the draft already held.
 */
export function isBetterDraft({
  candidate,
  than,
  budget,
}: {
  candidate: CheckedDraft;
  than: CheckedDraft;
  budget: number;
}): boolean {
  const errors = (findings: Finding[]) =>
    findings.filter((finding) => finding.severity === 'error').length;
  const miss = (text: string) => Math.abs(countWords(text) - budget);
  return (
    errors(candidate.findings) < errors(than.findings) ||
    (errors(candidate.findings) === errors(than.findings) && miss(candidate.text) < miss(than.text))
  );
}
