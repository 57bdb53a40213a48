import { findEscapingLinks } from '../workspace/find-escaping-links.js';
import { type Confinement, nodeSandboxFlags } from './node-sandbox-flags.js';
import { noTestCounts, type TestCounts } from './parse-tap-summary.js';
import { runConfinedProcess } from './run-confined-process.js';
import { sanitiseEnvironment } from './sanitise-environment.js';
import { type TestFileResult, testFileResult } from './test-file-result.js';

/**
 * The verdict on a test run as a whole. `refused`: nothing ran, because the workspace holds a
 * symbolic link leading outside it (see `findEscapingLinks`).
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
  /** Whether the files ran under Node's permission model. */
  confinement: Confinement;
  /** Why nothing ran, when the status is `refused`. */
  refusal?: string;
}

/**
 * Runs test files with node:test's TAP reporter, each in its own confined child process (cwd
 * the workspace, secrets removed from the environment, heap limit, file access limited to the
 * workspace, no child processes). One deadline covers the whole run: files still running when
 * it passes are killed with their process group and reported `timedOut`, and files not started
 * by then are reported the same way. Each file runs as `node <file>`, which is what `node --test`
 * does inside each of its per-file processes; `node --test` itself is not used because on Node 20
 * its runner needs `--allow-child-process`, which the tests would inherit.
 */
export async function runNodeTests({
  root,
  paths,
  timeoutMs,
  memoryLimitMb,
  env = process.env,
  concurrency = 4,
  nodePath = process.execPath,
  abortSignal,
}: {
  /** The workspace's real path. */
  root: string;
  /** Test files to run, relative to `root`. */
  paths: string[];
  timeoutMs: number;
  memoryLimitMb: number;
  /** The environment to sanitise (quire's own, by default). */
  env?: Record<string, string | undefined>;
  concurrency?: number;
  nodePath?: string;
  abortSignal?: AbortSignal;
}): Promise<TestRunResult> {
  const started = Date.now();
  const deadline = started + timeoutMs;
  const sandbox = nodeSandboxFlags({ root, memoryLimitMb });
  const refusal = await refusalReason({ root });
  if (refusal !== undefined) {
    return {
      status: 'refused',
      files: [],
      totals: sumTotals([]),
      durationMs: Date.now() - started,
      timeLimitMs: timeoutMs,
      confinement: sandbox.confinement,
      refusal,
    };
  }
  const childEnv = sanitiseEnvironment({ env, home: root });
  const results: TestFileResult[] = new Array(paths.length);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < paths.length; index = next++) {
      const path = paths[index]!;
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        results[index] = testFileResult({ path, outcome: undefined });
        continue;
      }
      const outcome = await runConfinedProcess({
        command: nodePath,
        args: [...sandbox.flags, '--no-warnings', '--test-reporter=tap', path],
        cwd: root,
        env: childEnv,
        timeoutMs: remaining,
        abortSignal,
      });
      results[index] = testFileResult({ path, outcome });
    }
  };
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(concurrency, paths.length)) }, worker),
  );
  const totals = sumTotals(results);
  return {
    status: runStatus(results, totals),
    files: results,
    totals,
    durationMs: Date.now() - started,
    timeLimitMs: timeoutMs,
    confinement: sandbox.confinement,
  };
}

/**
 * Why the tests must not run at all: a link leading out (the permission model would follow it),
 * or a comma in the workspace path (Node 20 reads `--allow-fs-read` as a comma-separated list,
 * so the grant would cover other paths).
 */
async function refusalReason({ root }: { root: string }): Promise<string | undefined> {
  if (root.includes(',')) {
    return 'the project folder path contains a comma, which cannot be confined safely; move the run directory';
  }
  const links = await findEscapingLinks({ root });
  if (links.length === 0) return undefined;
  return `the project holds symbolic links leading outside it (${links.slice(0, 5).join(', ')}); delete them before the tests can run`;
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
