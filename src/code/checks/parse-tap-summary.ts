/** Test counts as node:test reports them. */
export interface TestCounts {
  tests: number;
  passed: number;
  failed: number;
  cancelled: number;
  skipped: number;
  todo: number;
}

/** No tests at all. */
export const noTestCounts: TestCounts = {
  tests: 0,
  passed: 0,
  failed: 0,
  cancelled: 0,
  skipped: 0,
  todo: 0,
};

/** Counts from a TAP report, as node:test prints them at its end. */
export interface TapSummary extends TestCounts {
  /** Names of the tests (and subtests) reported `not ok`, innermost first as printed. */
  failures: string[];
}

/**
 * Reads the summary of node:test's TAP reporter (`# tests 3`, `# pass 2`, …) and the names of
 * failed tests. Undefined when the output has no summary (the file crashed before reporting, or
 * it is not a node:test file). Pure.
 */
export function parseTapSummary(output: string): TapSummary | undefined {
  const count = (label: string): number | undefined => {
    const matches = [...output.matchAll(new RegExp(`^# ${label} (\\d+)\\s*$`, 'gm'))];
    const last = matches.at(-1);
    return last ? Number(last[1]) : undefined;
  };
  const tests = count('tests');
  if (tests === undefined) return undefined;
  const failures = [...output.matchAll(/^\s*not ok \d+ - (.*?)(?:\s+#\s.*)?$/gm)].map((match) =>
    (match[1] ?? '').trim(),
  );
  return {
    tests,
    passed: count('pass') ?? 0,
    failed: count('fail') ?? 0,
    cancelled: count('cancelled') ?? 0,
    skipped: count('skipped') ?? 0,
    todo: count('todo') ?? 0,
    failures,
  };
}
