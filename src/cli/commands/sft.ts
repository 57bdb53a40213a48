import { rm, stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { checkThresholds, formatThresholds } from '../../bench/suite/check-thresholds.js';
import { readSuiteFile } from '../../bench/suite/read-suite-file.js';
import { type SftSuite, SftSuiteSchema } from '../../bench/suite/sft-suite-schema.js';
import { UsageError } from '../../errors/usage-error.js';
import { parseQueueAddress } from '../../queue/queue-address.js';
import { openQueueClient } from '../../queue/queue-client.js';
import { queuedSftItem } from '../../queue/queued-sft-item.js';
import { checkSftOut } from '../../sft/check-sft-out.js';
import type { SftInputFormat } from '../../sft/input/sft-input-format.js';
import { readSftInstructions } from '../../sft/read-sft-instructions.js';
import { runSft } from '../../sft/run-sft.js';
import { allSftFilters } from '../../sft/screen-sft-answer.js';
import type { SftOutputFormat } from '../../sft/sft-format.js';
import { sftPaths } from '../../sft/sft-paths.js';
import { summariseSft } from '../../sft/summarise-sft.js';
import { lockOutputFile } from '../../store/lock-output-file.js';
import { findSameFile } from '../../util/find-same-file.js';
import { type CommonOptions, loadCommandConfig, singlePassDefaults } from '../command-config.js';
import type { CommandContext } from '../command-context.js';
import { isAuthenticationFailure } from '../is-authentication-failure.js';
import { announceModel, prepareModel } from '../prepare-model.js';
import { writeHtmlReport } from '../write-html-report.js';
import { throwBatchProblems } from './bench-finish.js';
import { createSftProgress } from './sft-progress.js';
import { formatSftSummary } from './sft-summary.js';

interface SftOptions extends CommonOptions {
  out?: string;
  concurrency?: number;
  minWords?: number;
  maxRep?: number;
  format?: SftOutputFormat;
  inputFormat?: SftInputFormat;
  promptField?: string;
  lengthField?: string;
  words?: number;
  split?: number;
  seed?: number;
  skipInvalid?: boolean;
  suite?: string;
  thinking?: boolean;
  thinkNotes?: boolean;
  queue?: string;
  fixedClock?: string;
}

/**
 * `quire sft`: reads and checks the whole instructions file (a bad row stops everything before
 * anything is written, or is skipped and listed with `--skip-invalid`), then runs them into
 * `--out` and its rejected side file, resuming what an earlier session left, exports the Parquet
 * output or the split, and prints what it made.
 */
export async function run(context: CommandContext<SftOptions>): Promise<void> {
  const { args, options, io, abortSignal } = context;
  if (options.split !== undefined && options.split >= 1) {
    throw new UsageError(
      `--split is the share of records for training, between 0 and 1 (e.g. 0.95); got ${options.split}.`,
    );
  }
  if (options.seed !== undefined && options.split === undefined) {
    throw new UsageError('--seed only applies with --split <share>.');
  }
  refuseWithPairs(options);
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
  const instructions = await readSftInstructions({
    path,
    cwd: io.cwd,
    inputFormat: options.inputFormat,
    promptField: options.promptField,
    lengthField: options.lengthField,
    skipInvalid: options.skipInvalid === true,
  });
  const { invalid, duplicateLines } = instructions;
  if (options.out === undefined) {
    throw new UsageError('quire sft needs --out <file>: where the records go.');
  }
  const config = await loadCommandConfig({
    options,
    io,
    flags: {
      fixedClock: options.fixedClock,
      ...(options.thinkNotes ? { sft: { thinkNotes: true } } : {}),
    },
    defaults: singlePassDefaults,
  });
  const model = prepareModel({ config, env: io.env });
  const format = options.format ?? suite?.format ?? 'messages';
  const out = resolve(io.cwd, options.out);
  const paths = sftPaths(out);
  await checkSftOut({ paths, shownAs: options.out });
  for (const output of [paths.out, paths.rejected]) {
    if (await findSameFile({ path: output, candidates: [{ path: resolve(io.cwd, path) }] })) {
      throw new UsageError(
        `--out ${options.out} would write over the instructions file ${path}: choose another --out.`,
      );
    }
  }
  if (invalid.length > 0) {
    io.stderr.write(
      `quire: skipped ${invalid.length} invalid line(s) of ${path}: ${firstFew(invalid.map((each) => `line ${each.line} (${each.problem})`)).join('; ')}\n`,
    );
  }
  if (duplicateLines.length > 0) {
    io.stderr.write(
      `quire: ${duplicateLines.length} instruction(s) repeat an earlier one and run once: line(s) ${firstFew(duplicateLines.map(String)).join(', ')}\n`,
    );
  }
  const queueAddress = options.queue === undefined ? undefined : parseQueueAddress(options.queue);
  const lock = await lockOutputFile({ path: out, shownAs: options.out });
  const queue = queueAddress && (await openQueueClient(queueAddress).catch(releasing(lock)));
  const existing = await Promise.all(
    [paths.out, paths.rejected, paths.runs].map((each) => stat(each).catch(() => undefined)),
  );
  const fresh = existing.every((each) => each === undefined);
  if (queueAddress) io.stderr.write(`quire: jobs go to the queue at ${queueAddress.shownAs}\n`);
  else announceModel({ model, io });
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
      concurrency: options.concurrency ?? (queue ? queuedJobs : (suite?.concurrency ?? 4)),
      words: options.words,
      minWords: options.minWords,
      minWordsRatio: suite?.filters.minWordsRatio,
      maxRep4: options.maxRep ?? suite?.filters.maxRep4,
      filters: suite ? new Set(suite.evaluators) : allSftFilters,
      thinking: options.thinking === true,
      trainShare: options.split,
      seed: options.seed,
      abortSignal,
      ...(queue ? { runItem: queuedSftItem(queue), inOrder: true } : {}),
      onEvent: (event) => progress.onEvent(event),
    });
  } catch (error) {
    if (fresh && isAuthenticationFailure(error)) {
      // Refused credentials before anything was made: leave nothing, not even empty files.
      await Promise.all(
        [paths.out, paths.rejected, paths.runs].map((each) =>
          rm(each, { recursive: true, force: true }),
        ),
      );
    }
    throw error;
  } finally {
    progress.finish();
    await queue?.close();
    await lock.release();
  }
  const summary = summariseSft({ result });
  if (summary.pairs === 0) {
    io.stderr.write(
      `quire: warning: 0 preference pairs: no section's candidates differed in score and the review kept no rewrite; try more instructions, --words, or write.candidates above 2\n`,
    );
  }
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
  if (options.json) {
    io.stdout.write(
      `${JSON.stringify({
        type: 'result',
        out: paths.out,
        rejectedFile: paths.rejected,
        exported: result.exported,
        input: path,
        inputFormat: instructions.inputFormat,
        format,
        model: model.spec,
        total: result.total,
        written: summary.written,
        rejected: summary.rejected,
        skipped: result.skipped,
        failures: result.failures,
        interrupted: result.interrupted,
        invalidLines: invalid,
        duplicates: duplicateLines.length,
        rejections: summary.reasons,
        ...(summary.pairs === null ? {} : { pairs: summary.pairs }),
        acceptedRate: summary.acceptedRate,
        meanLengthScore: summary.meanLengthScore,
        references: summary.references,
        session: result.session,
        suite: suite?.name ?? null,
        thresholds,
      })}\n`,
    );
  } else {
    io.stdout.write(
      formatSftSummary({
        result,
        summary,
        paths,
        input: { path, format: instructions.inputFormat },
        invalid: invalid.length,
        duplicates: duplicateLines.length,
      }),
    );
    if (suite)
      io.stdout.write(
        `${formatThresholds({ suite: suite.name, outcomes: thresholds, digits: 3 })}\n`,
      );
  }
  if (!result.interrupted) {
    await writeHtmlReport({ config, target: out, io, json: options.json === true });
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

/**
 * Refuses options that cannot apply to `--format dpo`: its pairs are sections, not documents,
 * so nothing screens documents, and they carry no thinking; they are JSONL only.
 */
function refuseWithPairs(options: SftOptions): void {
  if (options.format !== 'dpo') return;
  const given = [
    ['--thinking', options.thinking, 'pairs carry no thinking'],
    ['--min-words', options.minWords, 'pairs are sections, and documents are not screened'],
    ['--max-rep', options.maxRep, 'pairs are sections, and documents are not screened'],
    ['--suite', options.suite, "a suite's filters and thresholds judge documents"],
  ] as const;
  for (const [flag, value, why] of given) {
    if (value !== undefined && value !== false) {
      throw new UsageError(`${flag} does not apply to --format dpo (${why}): leave it out.`);
    }
  }
  if (options.out?.endsWith('.parquet')) {
    throw new UsageError(
      `--format dpo writes JSONL: choose an --out ending in .jsonl (got ${options.out}).`,
    );
  }
}

/** Releases the output's lock, then throws `error` on. */
function releasing(lock: { release(): Promise<void> }): (error: unknown) => Promise<never> {
  return async (error) => {
    await lock.release();
    throw error;
  };
}

/** With `--queue`, how many jobs are on the queue at a time unless `--concurrency` says. */
const queuedJobs = 1000;

/** The first ten of a long list, and how many more: a 200,000-row file may repeat thousands. */
function firstFew(items: string[], count = 10): string[] {
  return items.length <= count
    ? items
    : [...items.slice(0, count), `and ${items.length - count} more`];
}
