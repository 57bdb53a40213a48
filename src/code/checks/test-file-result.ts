import type { ProcessOutcome } from '../sandbox/run-confined-process.js';
import { noTestCounts, parseTapSummary, type TapSummary } from './parse-tap-summary.js';
import { sandboxHints } from './sandbox-hints.js';

/** How one test file ended. `crashed`: it died before or without reporting (syntax error, OOM). */
export type TestFileStatus = 'passed' | 'failed' | 'timedOut' | 'crashed';

/** The result of one test file. */
export interface TestFileResult extends TapSummary {
  path: string;
  status: TestFileStatus;
  exitCode: number | null;
  signal: string | null;
  durationMs: number;
  /** What the file printed, trimmed of noise; empty for a file that passed. */
  output: string;
}

const excerptChars = 4_000;

/**
 * Judges one test file from its process outcome (`undefined`: never started, the deadline had
 * passed). A file with no TAP summary counts as one test, passed when it exited 0, as Node's
 * runner counts it. The output of a file that did not pass ends with notes on any sandbox limit
 * or rule it ran into. Pure.
 */
export function testFileResult({
  path,
  outcome,
  memoryLimitMb = 0,
  diskQuotaMb = 0,
}: {
  path: string;
  outcome: ProcessOutcome | undefined;
  /** The limits it ran under, named in the notes. */
  memoryLimitMb?: number;
  diskQuotaMb?: number;
}): TestFileResult {
  const base = {
    path,
    ...noTestCounts,
    failures: [] as string[],
    exitCode: outcome?.exitCode ?? null,
    signal: outcome?.signal ?? null,
    durationMs: outcome?.durationMs ?? 0,
  };
  if (outcome === undefined) {
    return {
      ...base,
      status: 'timedOut',
      tests: 1,
      cancelled: 1,
      output: 'not started: the time limit had already passed',
    };
  }
  const text = excerpt(outcome);
  const hints = sandboxHints({
    output: `${outcome.stdout}\n${outcome.stderr}`,
    memoryLimitMb,
    diskQuotaMb,
  });
  const output = hints.length > 0 ? `${text}\n${hints.join('\n')}` : text;
  if (outcome.spawnError !== undefined) {
    return {
      ...base,
      status: 'crashed',
      tests: 1,
      failed: 1,
      output: `could not start node: ${outcome.spawnError}`,
    };
  }
  const summary = parseTapSummary(outcome.stdout);
  const counts = summary ?? {
    tests: 1,
    passed: 0,
    failed: 0,
    cancelled: 0,
    skipped: 0,
    todo: 0,
    failures: [],
  };
  if (outcome.timedOut) {
    return {
      ...base,
      ...counts,
      status: 'timedOut',
      tests: Math.max(1, counts.tests),
      cancelled: Math.max(1, counts.cancelled),
      output,
    };
  }
  if (summary === undefined) {
    if (outcome.exitCode === 0)
      return { ...base, ...counts, passed: 1, status: 'passed', output: '' };
    return { ...base, ...counts, failed: 1, status: 'crashed', output };
  }
  const clean = outcome.exitCode === 0 && summary.failed === 0 && summary.cancelled === 0;
  if (clean) return { ...base, ...counts, status: 'passed', output: '' };
  const died = outcome.signal !== null || (outcome.exitCode ?? 0) > 1;
  return { ...base, ...counts, status: died ? 'crashed' : 'failed', output };
}

function excerpt(outcome: ProcessOutcome): string {
  const noise = /^\s*(duration_ms:.*|---|\.\.\.|type: 'test'|TAP version 13)\s*$/;
  const text = [outcome.stdout, outcome.stderr]
    .join('\n')
    .split('\n')
    .filter((line) => line.trim() !== '' && !noise.test(line))
    .join('\n');
  return text.length > excerptChars ? `${text.slice(0, excerptChars)}\n… (output cut)` : text;
}
