import type { Sandbox } from '../sandbox/sandbox.js';
import type { Workspace } from '../workspace/workspace.js';
import { isTestFile } from './is-test-file.js';
import { runNodeTests, type TestRunResult } from './run-node-tests.js';
import type { TestLimits } from './run-step-checks.js';

/**
 * Runs every test file among `paths` (the workspace's files) in the sandbox, confined by
 * `limits`. Undefined when there is no test file to run.
 */
export async function runWorkspaceTests({
  sandbox,
  workspace,
  paths,
  limits,
  abortSignal,
}: {
  sandbox: Sandbox;
  workspace: Workspace;
  paths: readonly string[];
  limits: TestLimits;
  abortSignal?: AbortSignal | undefined;
}): Promise<TestRunResult | undefined> {
  const testPaths = paths.filter(isTestFile);
  if (testPaths.length === 0) return undefined;
  return runNodeTests({ sandbox, root: workspace.root, paths: testPaths, ...limits, abortSignal });
}
