import { formatCheckFeedback } from '../checks/format-check-feedback.js';
import { isTestFile } from '../checks/is-test-file.js';
import { runNodeTests } from '../checks/run-node-tests.js';
import { type TestLimits, testFindings } from '../checks/run-step-checks.js';
import type { Sandbox } from '../sandbox/sandbox.js';
import type { Workspace } from '../workspace/workspace.js';
import type { RunTestsInput } from './code-tool-inputs.js';
import { describeToolError, type ToolOutcome, toolOutcome } from './tool-outcome.js';

/** `run_tests`: runs all test files, or the ones named, confined, and reports the results. */
export async function runTestsTool({
  sandbox,
  workspace,
  input,
  limits,
  abortSignal,
}: {
  sandbox: Sandbox;
  workspace: Workspace;
  input: RunTestsInput;
  limits: TestLimits;
  abortSignal?: AbortSignal;
}): Promise<ToolOutcome> {
  const all = (await workspace.list()).files.map((file) => file.path).filter(isTestFile);
  let paths = all;
  const problems: string[] = [];
  if (input.paths && input.paths.length > 0) {
    paths = [];
    for (const path of input.paths) {
      try {
        const confined = await workspace.resolve(path);
        if (all.includes(confined.relative)) paths.push(confined.relative);
        else
          problems.push(
            `${path}: not a test file of the project (test files: ${all.join(', ') || 'none'})`,
          );
      } catch (error) {
        problems.push(`${path}: ${describeToolError({ error, root: workspace.root })}`);
      }
    }
  }
  if (paths.length === 0) {
    const hint =
      'No test files to run. Name test files like test/name.test.js (or *.test.js anywhere).';
    return toolOutcome([...problems, hint].join('\n'), problems.length > 0);
  }
  const tests = await runNodeTests({
    sandbox,
    root: workspace.root,
    paths,
    ...limits,
    abortSignal,
  });
  const feedback = formatCheckFeedback({
    heading: 'Test run',
    result: { passed: tests.status === 'passed', findings: testFindings(tests), tests },
  });
  return { ...toolOutcome([...problems, feedback].join('\n'), problems.length > 0), tests };
}
