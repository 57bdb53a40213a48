import { formatCell } from '../../bench/markdown-table.js';
import { formatSgtSummary } from '../../bench/sgt/format-sgt-summary.js';
import { readSgtPredictions } from '../../bench/sgt/read-sgt-predictions.js';
import { runSgt } from '../../bench/sgt/run-sgt.js';
import { selectSgtTasks, sgtScenarios } from '../../bench/sgt/select-sgt-tasks.js';
import type { SgtBenchTask } from '../../bench/sgt/sgt-bench-task.js';
import type { SgtResult } from '../../bench/sgt/sgt-result-schema.js';
import { checkThresholds } from '../../bench/suite/check-thresholds.js';
import { readSuiteFile } from '../../bench/suite/read-suite-file.js';
import { type SgtSuite, SgtSuiteSchema } from '../../bench/suite/sgt-suite-schema.js';
import { UsageError } from '../../errors/usage-error.js';
import type { SegmentHeaderRule } from '../../evaluators/constraints/segment-header-rule.js';
import { loadCommandConfig, singlePassDefaults } from '../command-config.js';
import type { CommandContext } from '../command-context.js';
import { concludeBench } from './bench-finish.js';
import type { BenchOptions } from './bench-options.js';
import { createBenchProgress } from './bench-progress.js';
import { checkBenchQueue, openBenchQueue } from './bench-queue.js';
import { generateSgtTaskFile } from './bench-sgt-generate.js';
import { loadSgtTasks } from './bench-sgt-tasks.js';
import { startBench } from './bench-start.js';

interface SgtOptions extends BenchOptions {
  predictions?: string;
  headers?: SegmentHeaderRule;
  rejudge?: boolean;
  scenario?: string;
  generate?: number;
  seed?: number;
}

/**
 * `quire bench sgt`: with `--generate`, writes quire's own tasks and stops; otherwise reads the
 * tasks (SGT's data, a generated file, or with `--predictions` answers already written),
 * checks every input before writing anything, runs them (resuming an earlier `--out`), prints
 * CR, STIC-1, STIC-2, wAvg, undecided checks and leakage per scenario and type, and writes
 * `results.jsonl`, `summary.md` and `summary.json`.
 */
export async function run(context: CommandContext<SgtOptions>): Promise<void> {
  const { options, io, abortSignal } = context;
  const queueAddress = checkBenchQueue({
    queue: options.queue,
    predictions: options.predictions,
  });
  if (options.generate !== undefined) {
    if (options.data !== undefined || options.suite !== undefined) {
      throw new UsageError(
        '--generate writes new tasks and cannot be combined with --data or --suite: generate first, then run the file with --data.',
      );
    }
    const config = await loadCommandConfig({ options, io });
    await generateSgtTaskFile({
      count: options.generate,
      seed: options.seed ?? 1,
      folder: options.out ?? config.outDir,
      io,
      json: options.json === true,
    });
    return;
  }
  if (options.seed !== undefined) {
    throw new UsageError('--seed only applies with --generate N.');
  }
  if (options.rejudge && options.predictions === undefined) {
    throw new UsageError(
      '--rejudge only applies with --predictions <file>, whose answers may carry verdicts.',
    );
  }
  const predicted =
    options.predictions === undefined ? undefined : await loadPredictions({ options, io });
  const suiteFile = options.suite
    ? await readSuiteFile({
        path: options.suite,
        cwd: io.cwd,
        benchmark: 'sgt',
        schema: SgtSuiteSchema,
      })
    : undefined;
  const suite: SgtSuite | undefined = suiteFile?.suite;
  const { tasks, data } =
    predicted ??
    (await loadSgtTasks({
      data: options.data,
      cwd: io.cwd,
      suite,
      resolveData: suiteFile?.resolveData,
    }));
  const scenario = options.scenario ?? suite?.scenario;
  const selected = selectSgtTasks({ tasks, scenario, limit: options.limit ?? suite?.limit });
  if (selected.length === 0) {
    throw new UsageError(
      `No task of scenario "${scenario}" in ${data}; its scenarios are: ${sgtScenarios(tasks).join(', ')}.`,
    );
  }
  const mode = predicted ? 'predictions' : (options.mode ?? suite?.mode ?? 'quire');
  const headers = options.headers ?? 'sgt';
  const concurrency = options.concurrency ?? suite?.concurrency ?? 2;
  const config = await loadCommandConfig({ options, io, defaults: singlePassDefaults });
  const { source, judge, outDir, folder } = await startBench({
    benchmark: 'sgt',
    config,
    mode,
    predictions: predicted?.model,
    headers,
    data,
    out: options.out,
    usesJudge: suite === undefined || suite.evaluators.includes('judge'),
    withoutJudgeNote: `suite ${suite?.name} decides checks by wording only`,
    io,
    abortSignal,
  });
  let queue: Awaited<ReturnType<typeof openBenchQueue>> | undefined;
  try {
    queue = await openBenchQueue(queueAddress);
    const result = await runSgt({
      tasks: selected,
      ...source,
      config,
      judge,
      outDir,
      headers,
      storedVerdicts: !options.rejudge,
      concurrency,
      answer: queue.answer,
      abortSignal,
      onEvent: createBenchProgress<SgtBenchTask, SgtResult>({
        io,
        what: 'task(s)',
        describe: ({ item, result }) =>
          `${item.scenario} · CR ${formatCell(result.cr * 100)} · STIC-2 ${formatCell(result.stic2 === null ? null : result.stic2 * 100)} · ${result.segments.found}/${result.segments.required} segments`,
      }),
    });
    const overall = result.summary.overall;
    const thresholds = suite
      ? checkThresholds([
          { metric: 'CR', value: overall.cr, min: suite.thresholds.cr },
          { metric: 'STIC-1', value: overall.stic1, min: suite.thresholds.stic1 },
          { metric: 'STIC-2', value: overall.stic2, min: suite.thresholds.stic2 },
          { metric: 'wAvg', value: overall.wAvg, min: suite.thresholds.wAvg },
          { metric: 'leakage', value: overall.leakage, max: suite.thresholds.leakage },
        ])
      : [];
    await concludeBench({
      io,
      json: options.json === true,
      benchmark: 'sgt',
      header: {
        mode,
        model: source.model.spec,
        judge: judge?.name ?? null,
        data,
        outDir,
        selected: selected.length,
      },
      outcome: result,
      summary: result.summary,
      markdown: formatSgtSummary({
        summary: result.summary,
        mode,
        model: source.model.spec,
        judge: judge?.name ?? null,
      }),
      suite: suite?.name,
      thresholds,
      digits: 3,
      rerunOut: options.out ?? outDir,
      config,
    });
  } catch (error) {
    await folder.abandon(error);
    throw error;
  } finally {
    await queue?.close();
    await folder.release();
  }
}

/**
 * The tasks of `--predictions`: answers already written, scored without a model. Refuses the
 * flags that choose how answers are produced.
 */
async function loadPredictions({
  options,
  io,
}: {
  options: SgtOptions;
  io: CommandContext['io'];
}): Promise<{ tasks: SgtBenchTask[]; data: string; model: string }> {
  const clash = (['data', 'suite', 'mode'] as const).find((key) => options[key] !== undefined);
  if (clash !== undefined) {
    throw new UsageError(
      `--predictions scores answers already written and cannot be combined with --${clash}: drop one of them.`,
    );
  }
  const path = options.predictions ?? '';
  const { model, tasks } = await readSgtPredictions({ path, cwd: io.cwd });
  return { tasks, data: path, model };
}
