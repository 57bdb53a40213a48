import type { SftRunResult } from '../../sft/run-sft.js';
import type { SftPaths } from '../../sft/sft-paths.js';
import type { SftSummary } from '../../sft/summarise-sft.js';
import { formatDuration } from '../progress/format-duration.js';
import { formatShortCount } from '../progress/format-short-count.js';

/**
 * What `quire sft` made, for people: what it read, where the records and rejections went, how
 * many of each (earlier sessions included), the rejection reasons, the files exported, and what
 * this session cost. Pure.
 */
export function formatSftSummary({
  result,
  summary,
  paths,
  input,
  invalid,
  duplicates,
}: {
  result: SftRunResult;
  summary: SftSummary;
  paths: SftPaths;
  /** The instructions file and the layout its records were read as. */
  input: { path: string; format: string };
  /** Lines skipped with --skip-invalid. */
  invalid: number;
  /** Instructions that repeated an earlier one, run once. */
  duplicates: number;
}): string {
  const { session } = result;
  const minutes = session.elapsedSeconds / 60;
  const settled = session.written + session.rejected;
  return [
    `quire sft: ${result.total} instruction(s)${invalid > 0 ? ` (+${invalid} invalid line(s) skipped)` : ''}`,
    `  input:    ${input.path} (${input.format} records)${duplicates > 0 ? `, ${duplicates} duplicate(s) skipped` : ''}`,
    `  written:  ${result.written.length}${summary.pairs === null ? '' : ` instruction(s), ${summary.pairs} preference pair(s)`} to ${paths.records}`,
    `  rejected: ${result.rejected.length}${
      result.rejected.length > 0
        ? ` to ${paths.rejected} (${Object.entries(summary.reasons)
            .map(([reason, count]) => `${reason} ${count}`)
            .join(', ')})`
        : ''
    }`,
    ...(summary.references.records > 0
      ? [
          `  reference: ${summary.references.records} kept record(s) had an answer in the input: ${formatShortCount(Math.round(summary.references.meanWords ?? 0))} words on average, against ${formatShortCount(Math.round(summary.references.meanReferenceWords ?? 0))} in the reference`,
        ]
      : []),
    ...result.exported.map((file) => `  exported: ${file.records} to ${file.path}`),
    ...(result.failures.length > 0
      ? [`  failed:   ${result.failures.length} (run again to retry)`]
      : []),
    `  this session: ${settled} settled, ${result.skipped} skipped as already done · ${formatShortCount(session.tokens.input)} tokens in, ${formatShortCount(session.tokens.output)} out · ${session.calls} calls · ${formatDuration(session.elapsedSeconds)}${minutes > 0 && settled > 0 ? ` · ${(settled / minutes).toFixed(1)} items/min` : ''}`,
    '',
  ].join('\n');
}
