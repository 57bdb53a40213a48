import { join, resolve } from 'node:path';
import { evaluateCodeRun } from '../../code/eval/evaluate-code-run.js';
import { formatCodeEvalSummary } from '../../code/eval/format-code-eval-summary.js';
import { InterruptedError } from '../../errors/interrupted-error.js';
import { UsageError } from '../../errors/usage-error.js';
import { writeOutputFile } from '../../store/write-output-file.js';
import { findSameFile } from '../../util/find-same-file.js';
import type { CliIo } from '../cli-io.js';
import { loadCommandConfig } from '../command-config.js';
import { createJudge } from '../create-judge.js';
import { openCodeSandbox } from '../open-code-sandbox.js';

/** The flags `quire eval --code` reads. */
export interface CodeEvalOptions {
  checklist?: string;
  judge?: string;
  baseUrl?: string;
  report?: string;
  config?: string;
  json?: boolean;
  allowUnconfined?: boolean;
}

/** Where the code evaluation is written unless `--report` says otherwise. */
export const codeEvalReportName = 'code-eval.json';

/**
 * The `--code` path of `quire eval <run>`: checks the checklist and the folder first, then runs
 * the codebase's tests (confined), counts lines of code and syntax errors, and with `--judge`
 * asks the judge per checklist item (Features %). Writes the report atomically, to `--report` or
 * `<run>/code-eval.json` (a code run's own `report.json` is left as it is), and prints a summary,
 * or the report as JSON with `--json`.
 */
export async function runCodeEval({
  target,
  options,
  io,
  abortSignal,
}: {
  target: string;
  options: CodeEvalOptions;
  io: CliIo;
  abortSignal: AbortSignal;
}): Promise<void> {
  if (options.checklist === undefined) {
    throw new UsageError(
      'quire eval --code needs --checklist <file>: the requirements to score the code against.',
    );
  }
  const config = await loadCommandConfig({
    options: { config: options.config, judge: options.judge, baseUrl: options.baseUrl },
    io,
  });
  const judge = createJudge({ config, io, abortSignal });
  const sandbox = await openCodeSandbox({ io, allowUnconfined: options.allowUnconfined === true });
  const runDir = resolve(io.cwd, target);
  const reportPath =
    options.report === undefined
      ? join(runDir, codeEvalReportName)
      : resolve(io.cwd, options.report);
  const checklistFile = resolve(io.cwd, options.checklist);
  if (await findSameFile({ path: reportPath, candidates: [{ path: checklistFile }] })) {
    throw new UsageError(
      `--report ${options.report} is the checklist ${options.checklist}: quire never writes over what it reads; choose another --report path.`,
    );
  }
  const report = await evaluateCodeRun({
    runDir,
    checklistFile,
    judge,
    sandbox,
    abortSignal,
  });
  if (abortSignal.aborted) {
    throw new InterruptedError({
      message: 'Stopped before the report was written; nothing was changed.',
    });
  }
  await writeOutputFile({ path: reportPath, data: `${JSON.stringify(report, null, 2)}\n` });
  if (options.json === true) {
    io.stdout.write(`${JSON.stringify(report)}\n`);
    return;
  }
  io.stdout.write([...formatCodeEvalSummary(report), `report: ${reportPath}`, ''].join('\n'));
}
