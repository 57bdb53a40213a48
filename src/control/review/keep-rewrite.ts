import type { Finding } from '../../evaluators/finding.js';

/**
 * Whether a rewrite replaces its section: only when its findings got fewer and it brought no
 * error of a rule the old text did not break, so a review round never makes a section worse.
 * Pure.
 */
export function keepRewrite({
  before,
  after,
}: {
  before: readonly Finding[];
  after: readonly Finding[];
}): boolean {
  const brokenBefore = new Set(before.map((finding) => finding.ruleId));
  const newError = after.some(
    (finding) => finding.severity === 'error' && !brokenBefore.has(finding.ruleId),
  );
  return after.length < before.length && !newError;
}
