import { formatLongbenchSummary } from '../../bench/longbench/format-longbench-summary.js';
import type { LongbenchItem } from '../../bench/longbench/longbench-item.js';
import type { LongbenchResult } from '../../bench/longbench/longbench-result-schema.js';
import { readLongbenchData } from '../../bench/longbench/read-longbench-data.js';
import { readLongbenchPredictions } from '../../bench/longbench/read-longbench-predictions.js';
import { runLongbench } from '../../bench/longbench/run-longbench.js';
import { sampleLongbenchItems } from '../../bench/longbench/sample-longbench-items.js';
import { selectLongbenchItems } from '../../bench/longbench/select-longbench-items.js';
import { formatCell } from '../../bench/markdown-table.js';
import { checkThresholds } from '../../bench/suite/check-thresholds.js';
import {
  type LongbenchSuite,
  LongbenchSuiteSchema,
} from '../../bench/suite/longbench-suite-schema.js';
import { readSuiteFile } from '../../bench/suite/read-suite-file.js';
import { UsageError } from '../../errors/usage-error.js';
import { formatCount } from '../../util/format-count.js';
import { loadCommandConfig, singlePassDefaults } from '../command-config.js';
import type { CommandContext } from '../command-context.js';
import { chooseBenchData } from './bench-data.js';
import { concludeBench } from './bench-finish.js';
import type { BenchOptions } from './bench-options.js';
import { createBenchProgress } from './bench-progress.js';
import { checkBenchQueue, openBenchQueue } from './bench-queue.js';
import { startBench } from './bench-start.js';

interface LongbenchOptions extends BenchOptions {
  predictions?: string;
  samples?: number;
}

/** Where LongBench-Write's data is looked for when neither --data nor --suite names it. */
export const defaultLongbenchData = '../shared/data/longbench-write/longbench_write.jsonl';

/**
 * `quire bench longbench-write`: reads and selects the items (or, with `--predictions`, answers
 * already written), checks every input before writing anything, then runs them `--samples`
 * times each (resuming an earlier `--out`), prints the table by length bucket, language and
 * type, and the length stability when sampled, and writes `results.jsonl`, `summary.md` and
 * `summary.json`.
 */
export async function run(context: CommandContext<LongbenchOptions>): Promise<void> {
  const { options, io, abortSignal } = context;
  const queueAddress = checkBenchQueue({
    queue: options.queue,
    predictions: options.predictions,
  });
  if (options.predictions !== undefined) {
    const clash = (['data', 'suite', 'mode', 'samples'] as const).find(
      (key) => options[key] !== undefined,
    );
    if (clash !== undefined) {
      throw new UsageError(
        `--predictions scores answers already written and cannot be combined with --${clash}: drop one of them.`,
      );
    }
  }
  const predicted =
    options.predictions === undefined
      ? undefined
      : await readLongbenchPredictions({ path: options.predictions, cwd: io.cwd });
  const suiteFile = options.suite
    ? await readSuiteFile({
        path: options.suite,
        cwd: io.cwd,
        benchmark: 'longbench-write',
        schema: LongbenchSuiteSchema,
      })
    : undefined;
  const suite: LongbenchSuite | undefined = suiteFile?.suite;
  const data =
    options.predictions ??
    chooseBenchData({
      flag: options.data,
      suiteData: suite && suiteFile?.resolveData(suite.data),
      fallback: defaultLongbenchData,
      cwd: io.cwd,
      missing: `No LongBench-Write data: ${defaultLongbenchData} is not there; pass --data <file> (LongBench-Write's longbench_write.jsonl), --suite evals/longbench-write.json or --predictions <file>.`,
    });
  const items = predicted?.items ?? (await readLongbenchData({ path: data, cwd: io.cwd })).items;
  const selected = sampleLongbenchItems({
    items: selectLongbenchItems({ items, limit: options.limit ?? suite?.limit }),
    samples: options.samples ?? 1,
  });
  const mode = predicted ? 'predictions' : (options.mode ?? suite?.mode ?? 'quire');
  const concurrency = options.concurrency ?? suite?.concurrency ?? 4;
  const config = await loadCommandConfig({ options, io, defaults: singlePassDefaults });
  const { source, judge, outDir, folder } = await startBench({
    benchmark: 'longbench-write',
    config,
    mode,
    predictions: predicted?.model,
    data,
    out: options.out,
    usesJudge: suite === undefined || suite.evaluators.includes('quality'),
    withoutJudgeNote: `suite ${suite?.name} does not score quality`,
    io,
    abortSignal,
  });
  let queue: Awaited<ReturnType<typeof openBenchQueue>> | undefined;
  try {
    queue = await openBenchQueue(queueAddress);
    const result = await runLongbench({
      items: selected,
      ...source,
      config,
      judge,
      outDir,
      concurrency,
      answer: queue.answer,
      abortSignal,
      onEvent: createBenchProgress<LongbenchItem, LongbenchResult>({
        io,
        what: 'item(s)',
        describe: ({ item, result }) =>
          `${item.bucket} ${item.lang} · S_l ${formatCell(result.S_l)} (${formatCount(result.response_length)} of ${formatCount(item.length)} words)${result.S_q === null ? '' : ` · S_q ${formatCell(result.S_q)}`}`,
      }),
    });
    const thresholds = suite
      ? checkThresholds([
          {
            metric: 'S_l',
            value: result.summary.overall.lengthScore,
            min: suite.thresholds.lengthScore,
          },
          {
            metric: 'S_q',
            value: result.summary.overall.qualityScore,
            min: suite.thresholds.qualityScore,
          },
          { metric: 'S', value: result.summary.overall.overall, min: suite.thresholds.overall },
        ])
      : [];
    await concludeBench({
      io,
      json: options.json === true,
      benchmark: 'longbench-write',
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
      markdown: formatLongbenchSummary({
        summary: result.summary,
        mode,
        model: source.model.spec,
        judge: judge?.name ?? null,
      }),
      suite: suite?.name,
      thresholds,
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
