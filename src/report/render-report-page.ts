import { UsageError } from '../errors/usage-error.js';
import type { ReportTarget } from './report-target.js';
import { renderWriteRunPage } from './write-run/render-write-run-page.js';
import { readWriteRunFiles } from './write-run/write-run-files.js';

/**
 * Reads what `target` holds and renders its page. A `comparison` (a second benchmark folder)
 * must hold the same benchmark.
 */
export async function renderReportPage({
  target,
  comparison,
  generatedAt,
}: {
  target: ReportTarget;
  comparison?: ReportTarget;
  generatedAt: string;
}): Promise<string> {
  if (comparison !== undefined && comparison.kind !== target.kind) {
    throw new UsageError(
      `--compare ${comparison.shownAs} holds ${comparison.kind}, not ${target.kind} like ${target.shownAs}: compare two folders of the same benchmark.`,
    );
  }
  switch (target.kind) {
    case 'write-run':
      return renderWriteRunPage({
        files: await readWriteRunFiles({ directory: target.path }),
        generatedAt,
      });
    default:
      throw new UsageError(`quire report cannot yet show ${target.kind}.`);
  }
}
