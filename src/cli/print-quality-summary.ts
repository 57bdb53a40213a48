import type { QualitySummary } from '../control/inspect/summarise-quality.js';
import { escapeControl } from '../util/escape-control.js';
import type { CliIo } from './cli-io.js';
import { formatShortCount } from './progress/format-short-count.js';

/**
 * Prints what `quire inspect` shows after the sections: tokens, calls and cost per stage, each
 * plan critique round's findings, revision and changes, the seam pass's and each review round's
 * findings and rewrites, the ledger's size, and the think notes. Prints nothing for a run that
 * kept none of them.
 */
export function printQualitySummary({ io, quality }: { io: CliIo; quality: QualitySummary }) {
  const lines: string[] = [];
  if (quality.stages) {
    lines.push('', '  stage       tokens in (cached)        tokens out   calls  cost');
    for (const stage of quality.stages) {
      const input = `${formatShortCount(stage.inputTokens)} (${formatShortCount(stage.cachedInputTokens)})`;
      const cost = stage.costUsd === undefined ? 'unknown' : `$${stage.costUsd.toFixed(4)}`;
      lines.push(
        `  ${stage.stage.padEnd(10)}  ${input.padEnd(24)}  ${formatShortCount(stage.outputTokens).padStart(10)}  ${String(stage.calls).padStart(6)}  ${cost}`,
      );
    }
  }
  for (const round of quality.critique ?? []) {
    const after = round.findingsAfter === undefined ? '' : ` → ${round.findingsAfter}`;
    lines.push(
      '',
      `  critique round ${round.round}: ${plural(round.findings, 'finding')}${after}, ${plural(round.calls, 'call')}, ${round.diff === undefined && round.findingsAfter === undefined ? 'no revision' : `revision ${round.kept ? 'kept' : 'not kept'}`}`,
    );
    if (round.findings > 0) {
      lines.push(
        `    by rule     ${counts(round.byRule)}`,
        `    by section  ${counts(round.bySection)}`,
      );
    }
    if (round.diff) {
      const { added, removed, renamed, briefs, budgets } = round.diff;
      lines.push(
        `    changed     ${added} added, ${removed} removed, ${renamed} renamed, ${briefs} briefs, ${budgets} budgets`,
      );
    }
    lines.push(`    why         ${escapeControl(round.reason)}`);
  }
  const rounds = [...(quality.seams ? [quality.seams] : []), ...(quality.review ?? [])];
  for (const round of rounds) {
    lines.push(
      '',
      round.round === 0
        ? `  seam pass: ${plural(round.findings, 'finding')}, ${plural(round.calls, 'checker call')}`
        : `  review round ${round.round}: ${plural(round.findings, 'finding')}, ${plural(round.calls, 'reviewer call')}`,
    );
    if (round.findings > 0) {
      lines.push(
        `    by rule     ${counts(round.byRule)}`,
        `    by section  ${counts(round.bySection)}`,
      );
    }
    const rewrites = round.rewrites.map(
      (rewrite) =>
        `${rewrite.sectionId} ${rewrite.kept ? 'kept' : 'not kept'} (${rewrite.findingsBefore} → ${rewrite.findingsAfter})`,
    );
    lines.push(
      `    rewrites    ${rewrites.length > 0 ? escapeControl(rewrites.join(', ')) : 'none'}`,
    );
  }
  if (quality.ledger) {
    const { entities, claims, openThreads } = quality.ledger;
    lines.push(
      '',
      `  ledger    ${entities} entities, ${claims} claims, ${openThreads} open threads`,
    );
  }
  if (quality.thinkNotes) {
    const { call, marked, missing, words, inputTokens, outputTokens } = quality.thinkNotes;
    const made = [call > 0 ? `${call} by their own call` : '', marked > 0 ? `${marked} marked` : '']
      .filter(Boolean)
      .join(', ');
    lines.push(
      '',
      `  think notes  ${made || 'none'}${missing > 0 ? `, ${missing} missing` : ''}, ${formatShortCount(words)} words`,
    );
    if (call > 0) {
      lines.push(
        `    their calls (within drafting)  ${formatShortCount(inputTokens)} in, ${formatShortCount(outputTokens)} out`,
      );
    }
  }
  if (lines.length > 0) io.stdout.write(`${lines.join('\n')}\n`);
}

function counts(byKey: Record<string, number>): string {
  return escapeControl(
    Object.entries(byKey)
      .sort(([, left], [, right]) => right - left)
      .map(([key, count]) => `${key} ×${count}`)
      .join(', '),
  );
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
