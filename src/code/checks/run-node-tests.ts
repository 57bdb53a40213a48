import pLimit from 'p-limit';
import type { Confinement, ProcessLimits, Sandbox } from '../sandbox/sandbox.js';
import { workspaceArgument } from '../sandbox/workspace-argument.js';
import { noTestCounts, type TestCounts } from './parse-tap-summary.js';
import { type TestFileResult, testFileResult } from './test-file-result.js';

/**
 * The verdict on a test run as a whole. `refused`: nothing ran, because the sandbox cannot
 * confine code in this workspace (see `Sandbox.refusal`).
 */
export type TestRunStatus = 'passed' | 'failed' | 'timedOut' | 'noTests' | 'refused';

/** Counts summed over every test file. */
export interface TestTotals extends TestCounts {
  files: number;
}

/** What running the workspace's tests found. */
export interface TestRunResult {
  status: TestRunStatus;
  files: TestFileResult[];
  totals: TestTotals;
  durationMs: number;
  timeLimitMs: number;
  /** How the files were confined. */
  confinement: Confinement;
  /** Why nothing ran, when the status is `refused`. */
  refusal?: string;
}

/**
 * Runs test files with node:test's TAP reporter, each in its own sandboxed process (see
 * `Sandbox`). One deadline covers the whole run: files still running when it passes are killed
 * with their process group and reported `timedOut`, and files not started by then are reported
 * the same way. Each file runs as `node -- ./<file>`, which is what `node --test` does inside
 * each of its per-file processes; `node --test` itself is not used because its runner needs
 * child processes, which the tests would then be allowed too.
 */
export async function runNodeTests({
  sandbox,
  root,
  paths,
  timeoutMs,
  memoryLimitMb,
  diskQuotaMb,
  concurrency = 4,
  abortSignal,
}: ProcessLimits & {
  sandbox: Sandbox;
  /** The workspace's real path. */
  root: string;
  /** Test files to run, relative to `root`. */
  paths: string[];
  /** Time limit of the whole run, in ms. */
  timeoutMs: number;
  concurrency?: number;
  abortSignal?: AbortSignal;
}): Promise<TestRunResult> {
  const started = Date.now();
  const deadline = started + timeoutMs;
  const summary = (files: TestFileResult[], refusal?: string): TestRunResult => {
    const totals = sumTotals(files);
    return {
      status: refusal === undefined ? runStatus(files, totals) : 'refused',
      files,
      totals,
      durationMs: Date.now() - started,
      timeLimitMs: timeoutMs,
      confinement: sandbox.confinement,
      ...(refusal !== undefined && { refusal }),
    };
  };
  const refusal = await sandbox.refusal(root);
  if (refusal !== undefined) return summary([], refusal);
  const results: TestFileResult[] = new Array(paths.length);
  const limit = pLimit(Math.max(1, concurrency));
  const run = async (path: string, index: number) => {
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      results[index] = testFileResult({ path, outcome: undefined });
      return;
    }
    const outcome = await sandbox.run({
      root,
      args: ['--test-reporter=tap', '--', workspaceArgument(path)],
      timeoutMs: remaining,
      memoryLimitMb,
      diskQuotaMb,
      abortSignal,
    });
    results[index] = testFileResult({ path, outcome, memoryLimitMb, diskQuotaMb });
  };
  await Promise.all(paths.map((path, index) => limit(() => run(path, index))));
  return summary(results);
}

function sumTotals(results: TestFileResult[]): TestTotals {
  const totals: TestTotals = { files: results.length, ...noTestCounts };
  for (const result of results) {
    for (const key of Object.keys(noTestCounts) as Array<keyof TestCounts>) {
      totals[key] += result[key];
    }
  }
  return totals;
}

function runStatus(results: TestFileResult[], totals: TestTotals): TestRunStatus {
  if (results.some((result) => result.status === 'timedOut')) return 'timedOut';
  if (results.some((result) => result.status !== 'passed')) return 'failed';
  return totals.tests === 0 ? 'noTests' : 'passed';
}
