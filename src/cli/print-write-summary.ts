import { join } from 'node:path';
import type { WriteRunResult } from '../control/write-run.js';
import { runFiles } from '../store/run-store.js';
import type { CliIo } from './cli-io.js';
import { estimateNote } from './estimate-note.js';
import { formatDuration } from './progress/format-duration.js';
import { formatShortCount } from './progress/format-short-count.js';
import { thinkingNote } from './thinking-note.js';

/** Prints what a finished write run produced: where, how long, how much it cost. */
export function printWriteSummary({
  io,
  json,
  directory,
  result,
}: {
  io: CliIo;
  json: boolean;
  directory: string;
  result: WriteRunResult;
}): void {
  const { info } = result;
  const usage = info.usage;
  if (json) {
    io.stdout.write(
      `${JSON.stringify({
        type: 'result',
        status: info.status,
        ...(info.stopReason === undefined ? {} : { reason: info.stopReason }),
        lengthGate: result.lengthGate,
        stoppedEarly: result.stoppedEarly,
        directory,
        document: join(directory, runFiles.document),
        report: join(directory, runFiles.report),
        scores: result.report.scores,
        words: result.words,
        targetWords: info.task.words,
        sections: result.plan.sections.length,
        usage,
        costUsd: info.costUsd,
        elapsedSeconds: info.elapsedSeconds,
      })}\n`,
    );
    return;
  }
  // A run that stopped early has no document worth a summary: its one error line says why.
  if (result.stoppedEarly) return;
  const cost = info.costUsd === undefined ? 'cost unknown' : `$${info.costUsd.toFixed(4)}`;
  io.stdout.write(
    [
      headline({ result, document: join(directory, runFiles.document) }),
      `  ${formatShortCount(result.words)} words (target ${formatShortCount(info.task.words)}) in ${result.plan.sections.length} sections`,
      `  ${formatShortCount(usage.inputTokens)} tokens in (${formatShortCount(usage.cachedInputTokens)} cached), ${formatShortCount(usage.outputTokens)} out${thinkingNote(usage)}${estimateNote(usage)}, ${usage.calls} calls, ${cost}, ${formatDuration(info.elapsedSeconds)}`,
      `  ${scoreLine(result)}`,
      `  Inspect it with: quire inspect ${directory}`,
      '',
    ].join('\n'),
  );
}

/** The first line: where the document is, and first of all whether its length falls short. */
function headline({ result, document }: { result: WriteRunResult; document: string }): string {
  const { status, ratio } = result.lengthGate;
  if (status === 'within' && result.info.status === 'completed') return `Wrote ${document}`;
  const how = status === 'long' ? 'too long' : status === 'short' ? 'too short' : 'incomplete';
  return `Incomplete (${how}: ${ratio.toFixed(2)}× the target): ${document}`;
}

/** The report in one line: the scores, the sections on budget, the findings by severity. */
function scoreLine({ report, plan }: WriteRunResult): string {
  const fixed = (value: number | null) => (value === null ? '–' : value.toFixed(1));
  const count = (severity: string) =>
    report.findings.filter((finding) => finding.severity === severity).length;
  return [
    `S_l ${fixed(report.scores.length)}`,
    report.scores.quality === null ? undefined : `S_q ${fixed(report.scores.quality)}`,
    `rep-4 ${report.repetition.rep4.toFixed(3)}`,
    `${report.length.sectionsWithinTolerance ?? '–'}/${plan.sections.length} sections within ±${Math.round(report.length.tolerance * 100)}%`,
    `${count('error')} errors, ${count('warning')} warnings in report.json`,
  ]
    .filter(Boolean)
    .join(' · ');
}
