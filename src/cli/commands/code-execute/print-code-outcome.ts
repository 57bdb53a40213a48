import { join } from 'node:path';
import type { RunCodeResult } from '../../../code/run/run-code.js';
import type { CliIo } from '../../cli-io.js';
import { estimateNote } from '../../estimate-note.js';

/**
 * Prints how a code run ended on stdout: one `result` line with `--json`, else what was built,
 * its unmet requirements (the first ten), its usage and where the report is.
 */
export function printCodeOutcome({
  io,
  json,
  runDir,
  result,
}: {
  io: CliIo;
  json: boolean;
  runDir: string;
  result: RunCodeResult;
}): void {
  const { report, usage } = result;
  if (json) {
    io.stdout.write(
      `${JSON.stringify({ type: 'result', status: report.status, directory: runDir, summary: report.summary, requirements: { total: report.requirements.total, met: report.requirements.met, unmet: report.requirements.items.filter((item) => item.status === 'unmet').map((item) => item.text) }, usage })}\n`,
    );
    return;
  }
  const unmet = report.requirements.items.filter((item) => item.status === 'unmet');
  io.stdout.write(
    [
      `${report.status === 'completed' ? 'Built' : 'Partly built'} ${join(runDir, 'workspace')}`,
      `  ${report.summary}`,
      ...unmet.slice(0, 10).map((item) => `  unmet: ${item.text}`),
      ...(unmet.length > 10 ? [`  … and ${unmet.length - 10} more unmet`] : []),
      `  ${usage.inputTokens} tokens in, ${usage.outputTokens} out${estimateNote(usage)}, ${usage.calls} calls`,
      `  Report: ${join(runDir, 'report.json')}`,
      '',
    ].join('\n'),
  );
}
