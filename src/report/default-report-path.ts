import { join } from 'node:path';
import type { ReportTarget } from './report-target.js';

/** Name of the report inside a run directory or a benchmark folder. */
export const reportFileName = 'report.html';

/**
 * Where a report goes unless told otherwise: `report.html` inside a run directory or a
 * benchmark folder, `<name>.report.html` beside the output file of `quire sft`. Pure.
 */
export function defaultReportPath(target: Pick<ReportTarget, 'kind' | 'path'>): string {
  if (target.kind !== 'sft') return join(target.path, reportFileName);
  const base = target.path.endsWith('.jsonl')
    ? target.path.slice(0, -'.jsonl'.length)
    : target.path;
  return `${base}.report.html`;
}
