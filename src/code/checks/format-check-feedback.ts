import type { CheckFinding } from './check-finding.js';
import type { TestRunResult } from './run-node-tests.js';
import type { StepCheckResult } from './run-step-checks.js';

const outputBudget = 6_000;

/** A one-line account of a test run. Pure. */
export function describeTestRun(tests: TestRunResult | undefined): string {
  if (tests === undefined) return 'no test files found';
  const { totals } = tests;
  const extra = [
    totals.cancelled > 0 ? `${totals.cancelled} cancelled` : '',
    totals.skipped > 0 ? `${totals.skipped} skipped` : '',
  ].filter(Boolean);
  return `${totals.tests} test(s) in ${totals.files} file(s): ${totals.passed} passed, ${totals.failed} failed${extra.length > 0 ? `, ${extra.join(', ')}` : ''} (${tests.status}, ${tests.durationMs} ms)`;
}

/** A finding as one line: `path:line:column message`. Pure. */
export function describeFinding(finding: CheckFinding): string {
  const location = finding.location;
  const where = location
    ? `${location.path}${location.line ? `:${location.line}` : ''}${location.column ? `:${location.column}` : ''} `
    : '';
  return `[${finding.check}/${finding.ruleId}] ${where}${finding.message}`;
}

/**
 * What the model reads after a test run or a `step_complete`: the verdict, one line per
 * finding, then the output of the failing test files within a budget. Pure.
 */
export function formatCheckFeedback({
  result,
  heading,
}: {
  result: Pick<StepCheckResult, 'passed' | 'findings' | 'tests'>;
  heading: string;
}): string {
  const lines = [
    `${heading}: ${result.passed ? 'PASSED' : 'FAILED'}`,
    `Tests: ${describeTestRun(result.tests)}`,
  ];
  if (result.findings.length > 0) {
    lines.push('Problems:', ...result.findings.map((finding) => `- ${describeFinding(finding)}`));
  }
  let budget = outputBudget;
  for (const file of result.tests?.files ?? []) {
    if (file.status === 'passed' || file.output === '' || budget <= 0) continue;
    const shown = file.output.slice(0, budget);
    budget -= shown.length;
    lines.push(`Output of ${file.path}:`, shown);
  }
  return lines.join('\n');
}
