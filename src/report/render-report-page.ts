import { LongbenchResultSchema } from '../bench/longbench/longbench-result-schema.js';
import { SgtResultSchema } from '../bench/sgt/sgt-result-schema.js';
import { UsageError } from '../errors/usage-error.js';
import { readBenchFolder } from './bench/read-bench-folder.js';
import { renderLongbenchPage } from './bench/render-longbench-page.js';
import { renderSgtPage } from './bench/render-sgt-page.js';
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
  reportDirectory,
  generatedAt,
}: {
  target: ReportTarget;
  comparison?: ReportTarget;
  /** The folder the page is written to: links to outputs are relative to it. */
  reportDirectory: string;
  generatedAt: string;
}): Promise<string> {
  const directories = [target.path, ...(comparison ? [comparison.path] : [])];
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
    case 'longbench-write':
      return renderLongbenchPage({
        folders: await Promise.all(
          directories.map((directory) =>
            readBenchFolder({ directory, schema: LongbenchResultSchema }),
          ),
        ),
        reportDirectory,
        generatedAt,
      });
    case 'sgt':
      return renderSgtPage({
        folders: await Promise.all(
          directories.map((directory) => readBenchFolder({ directory, schema: SgtResultSchema })),
        ),
        reportDirectory,
        generatedAt,
      });
    default:
      throw new UsageError(`quire report cannot yet show ${target.kind}.`);
  }
}
