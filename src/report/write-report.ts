import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { writeOutputFile } from '../store/write-output-file.js';
import { defaultReportPath } from './default-report-path.js';
import { renderReportPage } from './render-report-page.js';
import { findReportTarget, type ReportKind } from './report-target.js';

/** What `writeReport` wrote. */
export interface WrittenReport {
  kind: ReportKind;
  /** Absolute path of the page. */
  path: string;
  bytes: number;
}

/**
 * Makes the HTML report of a run directory, a benchmark folder or an SFT output and writes it
 * atomically: to `out` when given, else beside what it reports on (`defaultReportPath`).
 * `compare` is a second benchmark folder of the same benchmark, drawn beside the first.
 */
export async function writeReport({
  target: given,
  out,
  compare,
  cwd = process.cwd(),
  now = () => new Date(),
}: {
  target: string;
  out?: string;
  compare?: string;
  cwd?: string;
  now?: () => Date;
}): Promise<WrittenReport> {
  const target = await findReportTarget({ path: given, cwd });
  const comparison =
    compare === undefined ? undefined : await findReportTarget({ path: compare, cwd });
  const path = out === undefined ? defaultReportPath(target) : resolve(cwd, out);
  const page = await renderReportPage({
    target,
    comparison,
    reportDirectory: dirname(path),
    generatedAt: now().toISOString().slice(0, 16).replace('T', ' '),
  });
  await mkdir(dirname(path), { recursive: true });
  await writeOutputFile({ path, data: page });
  return { kind: target.kind, path, bytes: Buffer.byteLength(page) };
}
