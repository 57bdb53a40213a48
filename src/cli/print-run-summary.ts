import type { RunSummary } from '../control/summarise-run.js';
import { escapeControl } from '../util/escape-control.js';
import type { CliIo } from './cli-io.js';
import { describePlanRefit } from './describe-plan-refit.js';
import { estimateNote } from './estimate-note.js';
import { formatDuration } from './progress/format-duration.js';
import { formatShortCount } from './progress/format-short-count.js';
import { thinkingNote } from './thinking-note.js';

/** Prints `quire inspect`'s view of a run: a header, one line per section, failed checks. */
export function printRunSummary({
  io,
  directory,
  summary,
}: {
  io: CliIo;
  directory: string;
  summary: RunSummary;
}): void {
  const { usage } = summary;
  const cost = summary.costUsd === undefined ? 'cost unknown' : `$${summary.costUsd.toFixed(4)}`;
  const lines = [
    `${directory}`,
    `  status    ${summary.status}${summary.stopReason ? ` (${escapeControl(summary.stopReason)})` : ''}`,
    `  model     ${escapeControl(summary.model)}`,
    `  progress  ${summary.sectionsDone}/${summary.sectionsTotal} sections, ${formatShortCount(summary.wordsWritten)}/${formatShortCount(summary.task.words)} words`,
    `  usage     ${formatShortCount(usage.inputTokens)} in (${formatShortCount(usage.cachedInputTokens)} cached), ${formatShortCount(usage.outputTokens)} out${thinkingNote(usage)}${estimateNote(usage)}, ${usage.calls} calls, ${usage.failedAttempts} retried, ${cost}, ${formatDuration(summary.elapsedSeconds)}`,
    ...(summary.contextWindow
      ? [
          `  context   ${formatShortCount(summary.contextWindow.tokens)} tokens (${summary.contextWindow.source})`,
        ]
      : []),
    '',
    '  #    words / budget  attempts  title',
  ];
  summary.sections.forEach((section, index) => {
    const words = section.words === undefined ? '—' : String(section.words);
    const attempts = section.attempts === undefined ? '' : String(section.attempts);
    lines.push(
      `  ${String(index + 1).padStart(3)}  ${words.padStart(5)} / ${String(section.budget).padEnd(6)}  ${attempts.padStart(8)}  ${escapeControl(section.title)}`,
    );
    for (const finding of section.findings)
      lines.push(`         ! ${escapeControl(`${finding.ruleId}: ${finding.message}`)}`);
  });
  if (summary.planRefits.length > 0) {
    lines.push('', '  plan changes during the run:');
    for (const refit of summary.planRefits) lines.push(`    - ${describePlanRefit(refit)}`);
  }
  const failed = Object.entries(summary.failedChecks);
  if (failed.length > 0) {
    lines.push(
      '',
      `  checks failed during the run (before repair): ${failed.map(([rule, count]) => `${rule} ×${count}`).join(', ')}`,
    );
  }
  io.stdout.write(`${lines.join('\n')}\n`);
}
