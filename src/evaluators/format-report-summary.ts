import pc from 'picocolors';
import type { Report } from './report-schema.js';
import { formatRubricLines } from './rubric/format-rubric-lines.js';
import { summaryRows } from './summary-rows.js';

/** Findings listed one per line in the summary; the report has them all. */
const listedFindings = 12;

/**
 * The terminal summary of a report: a compact table of the scores and measures, the rubric's
 * criteria when there is one, then the first findings, then where the report was written.
 * Colours only when `color` is true (the CLI passes true on a TTY without NO_COLOR). Pure.
 */
export function formatReportSummary({
  report,
  reportPath,
  color = false,
}: {
  report: Report;
  reportPath?: string;
  color?: boolean;
}): string {
  const paint = pc.createColors(color);
  const rows = summaryRows({ report, paint });
  const widths = [0, 1].map((column) =>
    Math.max(...rows.map((row) => visibleLength(row[column] ?? ''))),
  );
  const lines = [
    paint.bold(`quire eval: ${report.target.path ?? 'text'} (${report.target.kind})`),
    '',
    ...rows.map(([label, value, note]) =>
      `  ${pad(label, widths[0] ?? 0)}  ${pad(value, widths[1] ?? 0)}  ${note ? paint.dim(note) : ''}`.trimEnd(),
    ),
  ];
  if (report.rubric !== null) lines.push('', ...formatRubricLines(report.rubric));

  const counts = (['error', 'warning', 'info'] as const).map(
    (severity) => report.findings.filter((finding) => finding.severity === severity).length,
  );
  lines.push('', `findings: ${counts[0]} error(s), ${counts[1]} warning(s), ${counts[2]} note(s)`);
  const severityPaint = { error: paint.red, warning: paint.yellow, info: paint.cyan };
  for (const finding of report.findings.slice(0, listedFindings)) {
    const where = finding.location?.line === undefined ? '' : `line ${finding.location.line}: `;
    lines.push(
      `  ${severityPaint[finding.severity](finding.severity.padEnd(7))} ${paint.dim(finding.ruleId)}  ${where}${finding.message}`,
    );
  }
  if (report.findings.length > listedFindings) {
    lines.push(paint.dim(`  … ${report.findings.length - listedFindings} more in the report`));
  }
  if (reportPath) lines.push('', `report: ${reportPath}`);
  return `${lines.join('\n')}\n`;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - visibleLength(text)));
}

function visibleLength(text: string): number {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: colour escapes take no room on screen.
  return text.replace(/\u001b\[[0-9;]*m/g, '').length;
}
