import type { Sandbox } from '../sandbox/sandbox.js';
import type { Workspace } from '../workspace/workspace.js';
import type { CheckFinding } from './check-finding.js';
import { checkSyntax, isCheckedSource } from './check-syntax.js';
import type { TestRunResult } from './run-node-tests.js';
import type { TestLimits } from './run-step-checks.js';
import { runWorkspaceTests } from './run-workspace-tests.js';

/** The state of a whole workspace: syntax errors in any file, and its full test suite. */
export interface WorkspaceCheckResult {
  syntaxErrors: CheckFinding[];
  /** Undefined when there is no test file. */
  tests: TestRunResult | undefined;
}

/**
 * Checks every source file's syntax and runs every test file, confined as during the run. Used
 * at the end of a run and by `quire eval --code`.
 */
export async function checkWorkspace({
  sandbox,
  workspace,
  limits,
  abortSignal,
}: {
  sandbox: Sandbox;
  workspace: Workspace;
  limits: TestLimits;
  abortSignal?: AbortSignal;
}): Promise<WorkspaceCheckResult> {
  const paths = (await workspace.list()).files.map((file) => file.path);
  const findings = await checkSyntax({
    sandbox,
    limits,
    workspace,
    paths: paths.filter(isCheckedSource),
    abortSignal,
  });
  const tests = await runWorkspaceTests({ sandbox, workspace, paths, limits, abortSignal });
  return { syntaxErrors: findings.filter((finding) => finding.severity === 'error'), tests };
}
