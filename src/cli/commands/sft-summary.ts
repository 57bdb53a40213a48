import type { SftRunResult } from '../../sft/run-sft.js';
import type { SftPaths } from '../../sft/sft-paths.js';
import type { SftSummary } from '../../sft/summarise-sft.js';
import { formatCount, formatDuration } from '../progress/format-duration.js';

/**
 * What `quire sft` made, for people: where the records and rejections went, how many of each
 * (earlier sessions included), the rejection reasons, and what this session cost. Pure.
 */
export function formatSftSummary({
  result,
  summary,
  paths,
  invalid,
}: {
  result: SftRunResult;
  summary: SftSummary;
  paths: SftPaths;
  /** Lines skipped with --skip-invalid. */
  invalid: number;
}): string {
  const { session } = result;
  const minutes = session.elapsedSeconds / 60;
  const settled = session.written + session.rejected;
  return [
    `quire sft: ${result.total} instruction(s)${invalid > 0 ? ` (+${invalid} invalid line(s) skipped)` : ''}`,
    `  written:  ${result.written.length} to ${paths.out}`,
    `  rejected: ${result.rejected.length}${
      result.rejected.length > 0
        ? ` to ${paths.rejected} (${Object.entries(summary.reasons)
            .map(([reason, count]) => `${reason} ${count}`)
            .join(', ')})`
        : ''
    }`,
    ...(result.failures.length > 0
      ? [`  failed:   ${result.failures.length} (run again to retry)`]
      : []),
    `  this session: ${settled} settled, ${result.skipped} skipped as already done · ${formatCount(session.tokens.input)} tokens in, ${formatCount(session.tokens.output)} out · ${session.calls} calls · ${formatDuration(session.elapsedSeconds)}${minutes > 0 && settled > 0 ? ` · ${(settled / minutes).toFixed(1)} items/min` : ''}`,
    '',
  ].join('\n');
}
