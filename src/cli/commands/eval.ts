import { dirname, resolve } from 'node:path';
import type { Config } from '../../config/config-schema.js';
import { InterruptedError } from '../../errors/interrupted-error.js';
import { UsageError } from '../../errors/usage-error.js';
import type { ConstraintFile } from '../../evaluators/constraints/constraint-file-schema.js';
import { readConstraintFile } from '../../evaluators/constraints/read-constraint-file.js';
import type { SegmentHeaderRule } from '../../evaluators/constraints/segment-header-rule.js';
import { evaluateDocument } from '../../evaluators/evaluate-document.js';
import { evaluationSettings } from '../../evaluators/evaluation-settings.js';
import { formatReportSummary } from '../../evaluators/format-report-summary.js';
import type { Judge } from '../../evaluators/judge.js';
import {
  type EvaluationTarget,
  readEvaluationTarget,
} from '../../evaluators/read-evaluation-target.js';
import { readRubricFile } from '../../evaluators/rubric/read-rubric-file.js';
import type { Rubric } from '../../evaluators/rubric/rubric.js';
import { writeReportFile } from '../../evaluators/write-report-file.js';
import { lockRunDirectory } from '../../store/lock-run-directory.js';
import { findSameFile } from '../../util/find-same-file.js';
import { findUnwritable } from '../../util/find-unwritable.js';
import type { CliIo } from '../cli-io.js';
import { loadCommandConfig } from '../command-config.js';
import type { CommandContext } from '../command-context.js';
import { createJudge } from '../create-judge.js';
import { evaluationInputs } from './eval-inputs.js';

/** The flags of `quire eval`, as commander parses them (global ones included). */
interface EvalOptions {
  words?: number;
  constraints?: string;
  judge?: string;
  baseUrl?: string;
  prompt?: string;
  report?: string;
  config?: string;
  json?: boolean;
  code?: boolean;
  checklist?: string;
  maxRep?: number;
  partQuality?: boolean;
  rubric?: string;
  headers?: SegmentHeaderRule;
  allowUnconfined?: boolean;
}

/**
 * `quire eval <target>`: reads the document or run and every input first (so bad input writes
 * nothing), evaluates, writes the report atomically, and prints a summary table, or the report
 * as JSON with `--json`.
 */
export async function run({ args, options, io, abortSignal }: CommandContext): Promise<void> {
  const [target] = args as [string];
  const flags = options as EvalOptions;
  if (flags.code && flags.rubric !== undefined) {
    throw new UsageError(
      '--rubric scores a document against criteria; for a code run use --checklist <file>.',
    );
  }
  if (flags.code) {
    const { runCodeEval } = await import('./code-eval.js');
    return runCodeEval({ target, options: flags, io, abortSignal });
  }
  if (flags.checklist !== undefined) {
    throw new UsageError(
      '--checklist scores a code run: add --code (quire eval --code <run> --checklist <file>).',
    );
  }
  const evaluationTarget = await readEvaluationTarget({
    target,
    cwd: io.cwd,
    hasTarget: flags.words !== undefined,
  });
  const constraints =
    flags.constraints === undefined
      ? evaluationTarget.constraints
      : await readConstraintFile({ path: flags.constraints, cwd: io.cwd });
  const rubric =
    flags.rubric === undefined
      ? undefined
      : await readRubricFile({ path: flags.rubric, cwd: io.cwd });
  const config = await loadCommandConfig({
    options: { config: flags.config, judge: flags.judge, baseUrl: flags.baseUrl },
    io,
    flags: { repetition: { maxRep4: flags.maxRep } },
  });
  const judge = createJudge({ config, io, abortSignal });
  if (flags.partQuality && judge === undefined) {
    throw new UsageError(
      '--part-quality asks a judge for each part\'s S_q: add --judge <spec> (or set "judge" in the config).',
    );
  }
  if (rubric !== undefined && judge === undefined) {
    throw new UsageError(
      '--rubric asks a judge to score each criterion: add --judge <spec> (or set "judge" in the config).',
    );
  }
  const reportPath =
    flags.report === undefined ? evaluationTarget.reportPath : resolve(io.cwd, flags.report);
  const overwritten = await findSameFile({
    path: reportPath,
    candidates: await evaluationInputs({
      target,
      evaluationTarget,
      constraints: flags.constraints,
      rubric: flags.rubric,
      cwd: io.cwd,
    }),
  });
  if (overwritten !== undefined) {
    throw new UsageError(
      `--report ${flags.report} is ${overwritten.what}: quire never writes over what it reads; choose another --report path.`,
    );
  }
  // Before evaluating: a judge costs money, and a report that cannot be saved wastes it.
  const unwritable = await findUnwritable(reportPath);
  if (unwritable !== undefined) {
    const why =
      unwritable.code === 'EISDIR'
        ? 'it is a folder'
        : `${unwritable.blocker} refuses it (${unwritable.code})`;
    throw new UsageError(
      `Cannot write the report ${flags.report ?? reportPath}: ${why}; choose a writable file path with --report.`,
    );
  }

  // A report written into a run is written by that run's one writer: never beside a resume.
  const runDirectory = resolve(io.cwd, target);
  const lock =
    evaluationTarget.kind === 'run' && dirname(reportPath) === runDirectory
      ? await lockRunDirectory({ directory: runDirectory, shownAs: target })
      : undefined;
  try {
    await evaluateAndWrite({
      evaluationTarget,
      constraints,
      rubric,
      judge,
      reportPath,
      flags,
      config,
      io,
      abortSignal,
    });
  } finally {
    await lock?.release();
  }
}

/** Scores the target and writes the report, unless the command was stopped meanwhile. */
async function evaluateAndWrite({
  evaluationTarget,
  constraints,
  rubric,
  judge,
  reportPath,
  flags,
  config,
  io,
  abortSignal,
}: {
  evaluationTarget: EvaluationTarget;
  constraints: ConstraintFile | undefined;
  rubric: Rubric | undefined;
  judge: Judge | undefined;
  reportPath: string;
  flags: EvalOptions;
  config: Config;
  io: CliIo;
  abortSignal: AbortSignal;
}): Promise<void> {
  const report = await evaluateDocument({
    text: evaluationTarget.text,
    requiredWords: flags.words ?? evaluationTarget.requiredWords,
    sections: evaluationTarget.sections,
    constraints,
    judge,
    request: flags.prompt ?? rubric?.request ?? evaluationTarget.request,
    rubric,
    target: { kind: evaluationTarget.kind, path: evaluationTarget.path },
    findings: evaluationTarget.findings,
    constraintHeaders: flags.headers,
    partQuality: flags.partQuality === true,
    ...evaluationSettings(config),
  });
  if (abortSignal.aborted) {
    throw new InterruptedError({
      message: 'Stopped before the report was written; nothing was changed.',
    });
  }
  await writeReportFile({ path: reportPath, report });

  if (flags.json) {
    io.stdout.write(`${JSON.stringify({ reportPath, report })}\n`);
    return;
  }
  const color = Boolean(io.stdout.isTTY) && !io.env.NO_COLOR;
  io.stdout.write(formatReportSummary({ report, reportPath, color }));
}
