import { HellobenchResultSchema } from '../bench/hellobench/hellobench-result-schema.js';
import { LongbenchResultSchema } from '../bench/longbench/longbench-result-schema.js';
import { SgtResultSchema } from '../bench/sgt/sgt-result-schema.js';
import { UsageError } from '../errors/usage-error.js';
import { readBenchFolder } from './bench/read-bench-folder.js';
import { renderHellobenchPage } from './bench/render-hellobench-page.js';
import { renderLongbenchPage } from './bench/render-longbench-page.js';
import { renderSgtPage } from './bench/render-sgt-page.js';
import { readCodeRunFiles } from './code-run/read-code-run-files.js';
import { renderCodeRunPage } from './code-run/render-code-run-page.js';
import type { ReportKind, ReportTarget } from './report-target.js';
import { readSftFiles } from './sft/read-sft-files.js';
import { renderSftPage } from './sft/render-sft-page.js';
import { renderWriteRunPage } from './write-run/render-write-run-page.js';
import { readWriteRunFiles } from './write-run/write-run-files.js';

const benchmarks = new Set<ReportKind>(['longbench-write', 'sgt', 'hellobench']);

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
  if (comparison !== undefined && !benchmarks.has(target.kind)) {
    throw new UsageError(
      `--compare draws a second benchmark folder beside the first, but ${target.shownAs} holds a ${target.kind}: leave --compare out.`,
    );
  }
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
    case 'hellobench':
      return renderHellobenchPage({
        folders: await Promise.all(
          directories.map((directory) =>
            readBenchFolder({ directory, schema: HellobenchResultSchema }),
          ),
        ),
        generatedAt,
      });
    case 'code-run':
      return renderCodeRunPage({
        files: await readCodeRunFiles({ directory: target.path }),
        generatedAt,
      });
    case 'sft':
      return renderSftPage({ files: await readSftFiles({ path: target.path }), generatedAt });
  }
}
