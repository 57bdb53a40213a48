import { formatCell } from '../../bench/markdown-table.js';
import type { ThresholdOutcome } from '../../bench/suite/check-thresholds.js';
import { type BatchFailure, BatchIncompleteError } from '../../errors/batch-incomplete-error.js';
import { InterruptedError } from '../../errors/interrupted-error.js';
import { SuiteThresholdError } from '../../errors/suite-threshold-error.js';

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
