import { formatCheckFeedback } from '../checks/format-check-feedback.js';
import { runStepChecks, type TestLimits } from '../checks/run-step-checks.js';
import type { Sandbox } from '../sandbox/sandbox.js';
import type { Workspace } from '../workspace/workspace.js';
import type { StepCompleteInput } from './code-tool-inputs.js';
import type { ToolOutcome } from './tool-outcome.js';

/**
 * `step_complete`: runs the step's checks. When they pass the step ends; when they fail the
 * problems go back to the model as the tool's result and the step goes on.
 */
export async function stepCompleteTool({
  sandbox,
  workspace,
  input,
  writtenPaths,
  requireTests,
  limits,
  abortSignal,
}: {
  sandbox: Sandbox;
  workspace: Workspace;
  input: StepCompleteInput;
  writtenPaths: readonly string[];
  requireTests: boolean;
  limits: TestLimits;
  abortSignal?: AbortSignal;
}): Promise<ToolOutcome> {
  const checks = await runStepChecks({
    sandbox,
    workspace,
    writtenPaths: [...writtenPaths],
    requireTests,
    limits,
    abortSignal,
  });
  const feedback = formatCheckFeedback({ heading: 'Step checks', result: checks });
  const output = checks.passed
    ? `${feedback}\nThe step is complete.`
    : `${feedback}\nThe step is not complete. Fix these problems, then call step_complete again.`;
  return {
    output,
    isError: !checks.passed,
    written: [],
    deleted: [],
    read: [],
    tests: checks.tests,
    completion: { passed: checks.passed, summary: input.summary, checks },
  };
}
