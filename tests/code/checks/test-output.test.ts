import { describe, expect, it } from 'vitest';
import { isTestFile } from '../../../src/code/checks/is-test-file.js';
import { parseTapSummary } from '../../../src/code/checks/parse-tap-summary.js';
import { testFileResult } from '../../../src/code/checks/test-file-result.js';

describe('isTestFile', () => {
  it.each([
    'a.test.js',
    'src/a.test.mjs',
    'a-test.cjs',
    'a_test.js',
    'test-a.js',
    'test.js',
    'test/anything.js',
    'test/deep/x.mjs',
    'lib/test/x.js',
  ])('runs %s, as node --test would', (path) => expect(isTestFile(path)).toBe(true));
  it.each([
    'a.js',
    'testing.js',
    'a.test.ts',
    'tests/a.js',
    'node_modules/x/test/a.js',
    'a.test.js.map',
    'contest.js',
  ])('does not run %s', (path) => expect(isTestFile(path)).toBe(false));
});

describe('parseTapSummary', () => {
  const tap = `TAP version 13
# Subtest: outer
    # Subtest: inner
    not ok 1 - inner
    1..1
not ok 1 - outer
# Subtest: fine
ok 2 - fine
# Subtest: later # SKIP
ok 3 - later # SKIP
1..3
# tests 3
# suites 0
# pass 1
# fail 1
# cancelled 0
# skipped 1
# todo 0
# duration_ms 5.2`;

  it('reads the counts and the failed test names', () => {
    expect(parseTapSummary(tap)).toEqual({
      tests: 3,
      passed: 1,
      failed: 1,
      cancelled: 0,
      skipped: 1,
      todo: 0,
      failures: ['inner', 'outer'],
    });
  });

  it('is undefined without a summary', () => {
    expect(parseTapSummary('SyntaxError: Unexpected token')).toBeUndefined();
  });
});

describe('testFileResult', () => {
  const outcome = {
    exitCode: 0,
    signal: null,
    stdout: '',
    stderr: '',
    timedOut: false,
    durationMs: 5,
    spawnError: undefined,
  };

  it('reports a file never started as timed out', () => {
    expect(testFileResult({ path: 'a.test.js', outcome: undefined })).toMatchObject({
      status: 'timedOut',
      cancelled: 1,
    });
  });

  it('fails a file that reported passes but exited non-zero', () => {
    const stdout = '# tests 1\n# pass 1\n# fail 0\n';
    expect(
      testFileResult({ path: 'a.test.js', outcome: { ...outcome, exitCode: 1, stdout } }).status,
    ).toBe('failed');
  });

  it('marks a file killed by a signal as crashed', () => {
    const stdout = '# tests 2\n# pass 1\n# fail 1\n';
    expect(
      testFileResult({
        path: 'a.test.js',
        outcome: { ...outcome, exitCode: null, signal: 'SIGABRT', stdout },
      }).status,
    ).toBe('crashed');
  });
});
