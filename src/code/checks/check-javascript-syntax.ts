import pLimit from 'p-limit';
import type { ProcessLimits, Sandbox } from '../sandbox/sandbox.js';
import { workspaceArgument } from '../sandbox/workspace-argument.js';
import type { CheckFinding } from './check-finding.js';

/**
 * Checks the syntax of JavaScript files with `node --check` (parse only), a few at a time, in
 * the same sandbox as the tests: a file named like an option, or a parser bug, must not become a
 * way out. A file that fails becomes an error finding with the line, column and the parser's
 * message.
 */
export async function checkJavaScriptSyntax({
  sandbox,
  root,
  paths,
  memoryLimitMb,
  diskQuotaMb,
  timeoutMs = 30_000,
  concurrency = 4,
  abortSignal,
}: ProcessLimits & {
  sandbox: Sandbox;
  /** The workspace's real path. */
  root: string;
  /** `.js`, `.mjs` or `.cjs` files, relative to `root`. */
  paths: string[];
  timeoutMs?: number;
  concurrency?: number;
  abortSignal?: AbortSignal;
}): Promise<CheckFinding[]> {
  const findings: CheckFinding[][] = [];
  const limit = pLimit(Math.max(1, concurrency));
  const check = async (path: string, index: number) => {
    const outcome = await sandbox.run({
      root,
      args: ['--check', '--', workspaceArgument(path)],
      timeoutMs,
      memoryLimitMb,
      diskQuotaMb,
      abortSignal,
    });
    if (outcome.exitCode === 0) return;
    findings[index] = [
      describeFailure({ path, stderr: outcome.stderr, timedOut: outcome.timedOut }),
    ];
  };
  await Promise.all(paths.map((path, index) => limit(() => check(path, index))));
  return findings.flat().filter(Boolean);
}

/** Turns `node --check`'s report (file:line, source line, caret, `SyntaxError: …`) into a finding. */
export function describeFailure({
  path,
  stderr,
  timedOut,
}: {
  path: string;
  stderr: string;
  timedOut: boolean;
}): CheckFinding {
  if (timedOut) {
    return {
      check: 'syntax',
      ruleId: 'syntax-check-timeout',
      message: 'the syntax check did not finish',
      severity: 'error',
      location: { path },
    };
  }
  const lines = stderr.split('\n');
  const where = /:(\d+)\s*$/.exec(lines[0] ?? '');
  const caretLine = lines.find((line) => /^\s*\^+\s*$/.test(line));
  const error =
    lines.find((line) => /^\w*Error\b/.test(line)) ??
    lines.find((line) => line.trim() !== '') ??
    'unknown error';
  const line = where ? Number(where[1]) : undefined;
  const column = caretLine ? caretLine.indexOf('^') + 1 : undefined;
  return {
    check: 'syntax',
    ruleId: 'syntax-error',
    message: error.trim(),
    severity: 'error',
    location: {
      path,
      ...(line !== undefined && { line }),
      ...(column !== undefined && { column }),
    },
  };
}
