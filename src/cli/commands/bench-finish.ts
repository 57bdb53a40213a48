import { formatCell } from '../../bench/markdown-table.js';
import type { BenchManifest } from '../../bench/open-bench-folder.js';
import type { ResumableOutcome } from '../../bench/run-resumable.js';
import { formatThresholds, type ThresholdOutcome } from '../../bench/suite/check-thresholds.js';
import type { Config } from '../../config/config-schema.js';
import { type BatchFailure, BatchIncompleteError } from '../../errors/batch-incomplete-error.js';
import { InterruptedError } from '../../errors/interrupted-error.js';
import { SuiteThresholdError } from '../../errors/suite-threshold-error.js';
import type { CliIo } from '../cli-io.js';
import { writeHtmlReport } from '../write-html-report.js';
import { reportBench } from './bench-folder.js';

/**
 * Ends a batch command after its results and summary are saved: an interruption, failed items,
 * then missed suite thresholds, in that order, become the error that sets the exit code (130,
 * 1, 1). Returns quietly when the batch is complete and every threshold passed.
 */
export function throwBatchProblems({
  interrupted,
  failures,
  total,
  done,
  rerun,
  suite,
  thresholds = [],
}: {
  interrupted: boolean;
  failures: readonly BatchFailure[];
  /** Items selected. */
  total: number;
  /** Items with a result, earlier sessions included. */
  done: number;
  /** The command that continues the batch, e.g. `quire sft data.jsonl --out out.jsonl`. */
  rerun: string;
  suite?: string;
  thresholds?: readonly ThresholdOutcome[];
}): void {
  if (interrupted) {
    throw new InterruptedError({
      message: `Interrupted; ${done} of ${total} items are saved. Continue with: ${rerun}`,
      resumeCommand: rerun,
    });
  }
  if (failures.length > 0) {
    throw new BatchIncompleteError({ command: rerun, failures, total });
  }
  const missed = thresholds.filter((outcome) => outcome.status === 'fail');
  if (suite !== undefined && missed.length > 0) {
    throw new SuiteThresholdError({
      suite,
      missed: missed.map(
        (outcome) =>
          `${outcome.metric} ${formatCell(outcome.value, 3)} ${outcome.kind === 'min' ? '<' : '>'} ${outcome.threshold}`,
      ),
    });
  }
}

/**
 * The shared end of `quire bench …`: the suite's thresholds checked, the summary saved and
 * shown (Markdown, or JSON with `--json`), then the batch's problems turned into the exit code.
 */
export async function concludeBench({
  io,
  json,
  benchmark,
  header,
  outcome,
  summary,
  markdown,
  suite,
  thresholds,
  digits,
  rerunOut,
  config,
}: {
  io: CliIo;
  json: boolean;
  benchmark: BenchManifest['benchmark'];
  /** Who ran what: mode, model, judge, data, folder, items selected. */
  header: {
    mode: string;
    model: string;
    judge: string | null;
    data: string;
    outDir: string;
    selected: number;
  };
  outcome: Pick<ResumableOutcome<unknown>, 'results' | 'skipped' | 'failures' | 'interrupted'>;
  summary: object;
  /** The benchmark's tables. */
  markdown: string;
  suite: string | undefined;
  thresholds: ThresholdOutcome[];
  /** Decimals of the threshold table. */
  digits?: number;
  /** The `--out` to name in the command that continues the batch. */
  rerunOut: string;
  /** Whether to write the HTML report (`report.html`) comes from it. */
  config: Config;
}): Promise<void> {
  const tables = [
    markdown,
    ...(suite ? [formatThresholds({ suite, outcomes: thresholds, digits }), ''] : []),
  ].join('\n');
  await reportBench({
    io,
    json,
    outDir: header.outDir,
    markdown: tables,
    result: {
      type: 'result',
      benchmark,
      ...header,
      scored: outcome.results.length,
      skipped: outcome.skipped,
      failures: outcome.failures,
      interrupted: outcome.interrupted,
      summary,
      suite: suite ?? null,
      thresholds,
    },
  });
  if (!outcome.interrupted) await writeHtmlReport({ config, target: header.outDir, io, json });
  throwBatchProblems({
    interrupted: outcome.interrupted,
    failures: outcome.failures,
    total: header.selected,
    done: outcome.results.length,
    rerun: `the same command with --out ${rerunOut}`,
    suite,
    thresholds,
  });
}
