import { relative, resolve } from 'node:path';
import { checkThresholds, formatThresholds } from '../../bench/suite/check-thresholds.js';
import { readSuiteFile } from '../../bench/suite/read-suite-file.js';
import { type SftSuite, SftSuiteSchema } from '../../bench/suite/sft-suite-schema.js';
import { UsageError } from '../../errors/usage-error.js';
import { readSftInstructions } from '../../sft/read-sft-instructions.js';
import { runSft } from '../../sft/run-sft.js';
import { allSftFilters } from '../../sft/screen-sft-answer.js';
import type { SftFormat } from '../../sft/sft-format.js';
import { sftPaths } from '../../sft/sft-paths.js';
import { summariseSft } from '../../sft/summarise-sft.js';
import { type CommonOptions, loadCommandConfig } from '../command-config.js';
import type { CommandContext } from '../command-context.js';
import { announceModel, prepareModel } from '../prepare-model.js';
import { throwBatchProblems } from './bench-finish.js';
import { createSftProgress } from './sft-progress.js';
import { formatSftSummary } from './sft-summary.js';

interface SftOptions extends CommonOptions {
  out?: string;
  concurrency?: number;
  minWords?: number;
  maxRep?: number;
  format?: SftFormat;
  skipInvalid?: boolean;
  suite?: string;
  thinking?: boolean;
}

/**
 * `quire sft`: reads and checks the instructions (a bad line stops everything before anything
 * is written, or is skipped and listed with `--skip-invalid`), then runs them into `--out` and
 * its rejected side file, resuming what an earlier session left, and prints what it made.
 */
export async function run(context: CommandContext<SftOptions>): Promise<void> {
  const { args, options, io, abortSignal } = context;
  if (options.maxRep !== undefined && options.maxRep > 1) {
    throw new UsageError(
      `--max-rep is a share of repeated 4-grams, from 0 to 1; got ${options.maxRep}.`,
    );
  }
  const suiteFile = options.suite
    ? await readSuiteFile({
        path: options.suite,
        cwd: io.cwd,
        benchmark: 'sft',
        schema: SftSuiteSchema,
      })
    : undefined;
  const suite: SftSuite | undefined = suiteFile?.suite;
  const given = args[0] as string | undefined;
  const path =
    given ?? (suite && suiteFile ? relative(io.cwd, suiteFile.resolveData(suite.data)) : undefined);
  if (path === undefined) {
    throw new UsageError(
      'quire sft needs an instructions file: quire sft <instructions.jsonl> --out <file>, or --suite <file>.',
    );
  }
  const { instructions, invalid, duplicateLines } = await readSftInstructions({
    path,
    cwd: io.cwd,
    skipInvalid: options.skipInvalid === true,
  });
  if (options.out === undefined) {
    throw new UsageError('quire sft needs --out <file>: where the records go.');
  }
  const config = await loadCommandConfig({ options, io });
  const model = prepareModel(config);
  const format = options.format ?? suite?.format ?? 'messages';
  const out = resolve(io.cwd, options.out);
  if (invalid.length > 0) {
    io.stderr.write(
      `quire: skipped ${invalid.length} invalid line(s) of ${path}: ${invalid.map((each) => `line ${each.line} (${each.problem})`).join('; ')}\n`,
    );
  }
  if (duplicateLines.length > 0) {
    io.stderr.write(
      `quire: ${duplicateLines.length} instruction(s) repeat an earlier line and run once: line(s) ${duplicateLines.join(', ')}\n`,
    );
  }
  announceModel({ model, io });
  const progress = createSftProgress({ io });
  let result: Awaited<ReturnType<typeof runSft>>;
  try {
    result = await runSft({
      instructions,
      out,
      shownAs: options.out,
      format,
      model,
      config,
      concurrency: options.concurrency ?? suite?.concurrency ?? 4,
      minWords: options.minWords,
      minWordsRatio: suite?.filters.minWordsRatio,
      maxRep4: options.maxRep ?? suite?.filters.maxRep4,
      filters: suite ? new Set(suite.evaluators) : allSftFilters,
      thinking: options.thinking === true,
      abortSignal,
      onEvent: (event) => progress.onEvent(event),
    });
  } finally {
    progress.finish();
  }
  const summary = summariseSft({ result });
  const thresholds = suite
    ? checkThresholds([
        {
          metric: 'accepted rate',
          value: summary.acceptedRate,
          min: suite.thresholds.acceptedRate,
        },
        {
          metric: 'S_l of kept records',
          value: summary.meanLengthScore,
          min: suite.thresholds.lengthScore,
        },
      ])
    : [];
  const paths = sftPaths(out);
  if (options.json) {
    io.stdout.write(
      `${JSON.stringify({
        type: 'result',
        out: paths.out,
        rejectedFile: paths.rejected,
        format,
        model: model.spec,
        total: result.total,
        written: summary.written,
        rejected: summary.rejected,
        skipped: result.skipped,
        failures: result.failures,
        interrupted: result.interrupted,
        invalidLines: invalid,
        rejections: summary.reasons,
        acceptedRate: summary.acceptedRate,
        meanLengthScore: summary.meanLengthScore,
        session: result.session,
        suite: suite?.name ?? null,
        thresholds,
      })}\n`,
    );
  } else {
    io.stdout.write(formatSftSummary({ result, summary, paths, invalid: invalid.length }));
    if (suite)
      io.stdout.write(
        `${formatThresholds({ suite: suite.name, outcomes: thresholds, digits: 3 })}\n`,
      );
  }
  throwBatchProblems({
    interrupted: result.interrupted,
    failures: result.failures,
    total: result.total,
    done: summary.written + summary.rejected,
    rerun: 'the same command (instructions already in --out are skipped)',
    suite: suite?.name,
    thresholds,
  });
}
