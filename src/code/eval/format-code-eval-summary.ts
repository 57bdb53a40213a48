import type { CodeEvalReport } from './code-eval-report.js';

/** The lines `quire eval --code` prints for people. Pure. */
export function formatCodeEvalSummary(report: CodeEvalReport): string[] {
  const { tests, code, features } = report;
  const lines = [
    `tests: ${tests.totals.passed} passed, ${tests.totals.failed + tests.totals.cancelled} failed of ${tests.totals.tests} in ${tests.totals.files} file(s) (${tests.status})`,
    `code: ${code.linesOfCode} lines in ${code.files} file(s), ${code.testLinesOfCode} of them tests`,
    `syntax errors: ${report.syntaxErrors.length}`,
    ...report.filesNotRead.map(({ path, reason }) => `not read: ${path} (${reason})`),
  ];
  if (features === null) {
    lines.push(
      `features: not judged (${report.checklist.length} checklist items; pass --judge <model> for Features %)`,
    );
  } else {
    const undecided = features.undecided > 0 ? `, ${features.undecided} without a verdict` : '';
    lines.push(
      `features: ${features.percent}% (${features.implemented}/${features.total} implemented${undecided}; judge ${features.judge})`,
    );
  }
  return lines;
}
