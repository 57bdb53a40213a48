import type { ProcessLimits, Sandbox } from '../sandbox/sandbox.js';
import type { Workspace } from '../workspace/workspace.js';
import type { CheckFinding } from './check-finding.js';
import { checkSyntax, isCheckedSource } from './check-syntax.js';
import { isTestFile } from './is-test-file.js';
import type { TestRunResult } from './run-node-tests.js';
import { runWorkspaceTests } from './run-workspace-tests.js';

/** Limits of generated code while it runs. */
export interface TestLimits extends ProcessLimits {
  /** Time limit of a whole test run, in ms. */
  timeoutMs: number;
}

/** What the gate of `step_complete` found. */
export interface StepCheckResult {
  passed: boolean;
  findings: CheckFinding[];
  /** Undefined when the workspace has no test file. */
  tests: TestRunResult | undefined;
  /** Files whose syntax was checked. */
  syntaxChecked: string[];
}

/**
 * The checks that decide whether a step is done: the syntax of every file the step wrote, then
 * every test in the workspace (earlier steps' tests too, so a regression fails the step). A step
 * asked to write tests fails when it wrote no test file or no test ran; a timeout or crash is a
 * failure like any other.
 */
export async function runStepChecks({
  sandbox,
  workspace,
  writtenPaths,
  requireTests,
  limits,
  abortSignal,
}: {
  sandbox: Sandbox;
  workspace: Workspace;
  /** Files written during the step, relative paths. */
  writtenPaths: string[];
  requireTests: boolean;
  limits: TestLimits;
  abortSignal?: AbortSignal;
}): Promise<StepCheckResult> {
  const syntaxChecked = writtenPaths.filter(isCheckedSource);
  const findings = await checkSyntax({
    sandbox,
    limits,
    workspace,
    paths: syntaxChecked,
    abortSignal,
  });
  if (requireTests && !writtenPaths.some(isTestFile)) {
    findings.push({
      check: 'tests',
      ruleId: 'no-tests',
      message:
        'this step must write tests, but it wrote no test file (name them like src/x.test.js or put them under test/)',
      severity: 'error',
    });
  }
  const paths = (await workspace.list()).files.map((file) => file.path);
  const tests = await runWorkspaceTests({ sandbox, workspace, paths, limits, abortSignal });
  if (tests) findings.push(...testFindings(tests));
  if (
    requireTests &&
    (tests === undefined || tests.totals.tests === 0) &&
    !findings.some((each) => each.ruleId === 'no-tests')
  ) {
    findings.push({
      check: 'tests',
      ruleId: 'no-tests',
      message: 'no test ran: the workspace has no tests',
      severity: 'error',
    });
  }
  return {
    passed: !findings.some((finding) => finding.severity === 'error'),
    findings,
    tests,
    syntaxChecked,
  };
}

/** One finding per test file that did not pass. Pure. */
export function testFindings(tests: TestRunResult): CheckFinding[] {
  if (tests.status === 'refused') {
    return [
      {
        check: 'tests',
        ruleId: 'tests-refused',
        message: `the tests were not run: ${tests.refusal}`,
        severity: 'error',
      },
    ];
  }
  return tests.files
    .filter((file) => file.status !== 'passed')
    .map((file): CheckFinding => {
      const what =
        file.status === 'timedOut'
          ? `was killed at the time limit of ${tests.timeLimitMs} ms (an endless loop, or a server or timer left open?)`
          : file.status === 'crashed'
            ? `crashed (exit ${file.exitCode ?? file.signal}) before reporting its tests`
            : `has ${file.failed + file.cancelled} failing test(s)${file.failures.length > 0 ? `: ${file.failures.slice(0, 5).join('; ')}` : ''}`;
      return {
        check: 'tests',
        ruleId:
          file.status === 'timedOut'
            ? 'test-timeout'
            : file.status === 'crashed'
              ? 'test-crashed'
              : 'test-failed',
        message: `${file.path} ${what}`,
        severity: 'error',
        location: { path: file.path },
      };
    });
}
