import { resolve } from 'node:path';
import { formatHellobenchSummary } from '../../bench/hellobench/format-hellobench-summary.js';
import type { HellobenchItem } from '../../bench/hellobench/hellobench-item.js';
import type { HellobenchResult } from '../../bench/hellobench/hellobench-result-schema.js';
import {
  type HellobenchLength,
  type HellobenchSubset,
  hellobenchLengths,
} from '../../bench/hellobench/hellobench-subset.js';
import { parseHellobenchLengths } from '../../bench/hellobench/parse-hellobench-lengths.js';
import { readHellobenchData } from '../../bench/hellobench/read-hellobench-data.js';
import { runHellobench } from '../../bench/hellobench/run-hellobench.js';
import { selectHellobenchItems } from '../../bench/hellobench/select-hellobench-items.js';
import type { HellobenchSummary } from '../../bench/hellobench/summarise-hellobench.js';
import { formatCell } from '../../bench/markdown-table.js';
import { checkThresholds } from '../../bench/suite/check-thresholds.js';
import {
  type HellobenchSuite,
  HellobenchSuiteSchema,
} from '../../bench/suite/hellobench-suite-schema.js';
import { readSuiteFile } from '../../bench/suite/read-suite-file.js';
import { UsageError } from '../../errors/usage-error.js';
import { formatCount } from '../../util/format-count.js';
import { loadCommandConfig, singlePassDefaults } from '../command-config.js';
import type { CommandContext } from '../command-context.js';
import { chooseBenchData } from './bench-data.js';
import { concludeBench } from './bench-finish.js';
import type { BenchOptions } from './bench-options.js';
import { createBenchProgress } from './bench-progress.js';
import { startBench } from './bench-start.js';

interface HellobenchOptions extends BenchOptions {
  subset?: HellobenchSubset;
  lengths?: string;
}

/** Where HelloBench's data is looked for when neither --data nor --suite names it. */
export const defaultHellobenchData = '../shared/data/hellobench';

/**
 * `quire bench hellobench`: reads and selects the tasks of one set, checks every input before
 * writing anything, then runs them (resuming an earlier `--out`), prints the table by length
 * (or task type) and category, and writes `results.jsonl`, `summary.md` and `summary.json`.
 */
export async function run(context: CommandContext<HellobenchOptions>): Promise<void> {
  const { options, io, abortSignal } = context;
  const suiteFile = options.suite
    ? await readSuiteFile({
        path: options.suite,
        cwd: io.cwd,
        benchmark: 'hellobench',
        schema: HellobenchSuiteSchema,
      })
    : undefined;
  const suite: HellobenchSuite | undefined = suiteFile?.suite;
  const subset = options.subset ?? suite?.subset ?? 'length-constrained';
  const lengths = chooseLengths({ options, subset, suite });
  const data = chooseBenchData({
    flag: options.data,
    suiteData: suite && suiteFile?.resolveData(suite.data),
    fallback: defaultHellobenchData,
    cwd: io.cwd,
    missing: `No HelloBench data: ${defaultHellobenchData} is not there; pass --data <folder> (a copy of the HelloBench repository, or its data/ folder) or --suite evals/hellobench-length.json.`,
  });
  const config = await loadCommandConfig({ options, io, defaults: singlePassDefaults });
  const { items, absentTypes } = await readHellobenchData({
    root: resolve(io.cwd, data),
    shownAs: data,
    subset,
    lengths,
    wordsPerPage: config.write.wordsPerPage,
  });
  const selected = selectHellobenchItems({ items, limit: options.limit ?? suite?.limit });
  const mode = options.mode ?? suite?.mode ?? 'quire';
  const { source, judge, outDir, folder } = await startBench({
    benchmark: 'hellobench',
    config,
    mode,
    data,
    out: options.out,
    usesJudge: suite === undefined || suite.evaluators.includes('checklist'),
    withoutJudgeNote: `suite ${suite?.name} scores length only`,
    io,
    abortSignal,
  });
  // Held until the end, whatever ends it: a later run in the same process (the library, a
  // test) must find the folder free, not held by a process that is still alive.
  try {
    if (absentTypes.length > 0) {
      io.stderr.write(
        `quire: note: ${data} has no file for ${absentTypes.join(', ')}; those task types are left out.\n`,
      );
    }
    const result = await runHellobench({
      items: selected,
      groups: [...new Set(items.map((item) => item.group))],
      ...source,
      config,
      judge,
      outDir,
      concurrency: options.concurrency ?? suite?.concurrency ?? 4,
      abortSignal,
      onEvent: createBenchProgress<HellobenchItem, HellobenchResult>({
        io,
        what: 'item(s)',
        describe: ({ item, result }) => describeResult({ item, result }),
      }),
    });
    await concludeBench({
      io,
      json: options.json === true,
      benchmark: 'hellobench',
      header: {
        mode,
        model: source.model.spec,
        judge: judge?.name ?? null,
        data,
        outDir,
        selected: selected.length,
      },
      outcome: result,
      summary: {
        subset,
        lengths: subset === 'length-constrained' ? lengths : null,
        ...result.summary,
      },
      markdown: formatHellobenchSummary({
        summary: result.summary,
        subset,
        mode,
        model: source.model.spec,
        judge: judge?.name ?? null,
        gate: config.lengthGate,
      }),
      suite: suite?.name,
      thresholds: suite ? suiteThresholds({ suite, summary: result.summary }) : [],
      rerunOut: options.out ?? outDir,
      config,
    });
  } catch (error) {
    await folder.abandon(error);
    throw error;
  } finally {
    await folder.release();
  }
}

/** --lengths, else the suite's, else all four; only the length-constrained set has lengths. */
function chooseLengths({
  options,
  subset,
  suite,
}: {
  options: HellobenchOptions;
  subset: HellobenchSubset;
  suite: HellobenchSuite | undefined;
}): HellobenchLength[] {
  if (options.lengths !== undefined) {
    if (subset !== 'length-constrained') {
      throw new UsageError(
        '--lengths applies to --subset length-constrained only: the main set has no lengths.',
      );
    }
    return parseHellobenchLengths(options.lengths);
  }
  return hellobenchLengths.filter((length) => suite?.lengths?.includes(length) ?? true);
}

function suiteThresholds({
  suite,
  summary,
}: {
  suite: HellobenchSuite;
  summary: HellobenchSummary;
}) {
  const shares = summary.byGroup
    .filter((group) => group.targeted > 0)
    .map((group) => group.withinGate / group.targeted);
  return checkThresholds([
    { metric: 'S_l', value: summary.overall.lengthScore, min: suite.thresholds.lengthScore },
    {
      metric: 'in gate (lowest group)',
      value: shares.length === 0 ? null : Math.min(...shares),
      min: suite.thresholds.inGate,
    },
    { metric: 'HelloEval', value: summary.overall.helloEval, min: suite.thresholds.helloEval },
  ]);
}

function describeResult({ item, result }: { item: HellobenchItem; result: HellobenchResult }) {
  const length =
    result.required === null
      ? `${formatCount(result.response_length)} words`
      : `S_l ${formatCell(result.S_l)} (${formatCount(result.response_length)} of ${formatCount(result.required)} words, ${result.lengthGate})`;
  const judged =
    result.helloEval === null
      ? ''
      : result.helloEval.status === 'dropped'
        ? ' · HelloEval dropped'
        : ` · HelloEval ${formatCell(result.helloEval.score)}`;
  return `${item.group} ${item.category} · ${length}${judged}`;
}
