import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeOutputFile } from '../store/write-output-file.js';
import { type Report, ReportSchema } from './report-schema.js';

/**
 * Writes a report as pretty JSON, atomically, after checking it against `ReportSchema`, so a
 * reader never sees a half-written or malformed report.
 */
export async function writeReportFile({
  path,
  report,
}: {
  path: string;
  report: Report;
}): Promise<void> {
  const checked = ReportSchema.parse(report);
  await mkdir(dirname(path), { recursive: true });
  await writeOutputFile({ path, data: `${JSON.stringify(checked, null, 2)}\n` });
}
