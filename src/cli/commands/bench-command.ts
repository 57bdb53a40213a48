import { type Command, Option } from 'commander';
import { limits } from '../../config/limits.js';
import { type CommandSetup, lazyAction } from '../define-command.js';
import {
  addModelOptions,
  addQualityOption,
  addQueueOption,
  positiveInteger,
} from '../shared-options.js';

/** `quire bench`: LongBench-Write, SGT-style and HelloBench benchmarks. */
export function defineBenchCommand({ program, setup }: { program: Command; setup: CommandSetup }) {
  const bench = program.command('bench').description('run a benchmark');

  const longbench = bench
    .command('longbench-write')
    .description(
      'score a model on LongBench-Write: length score S_l, quality S_q, by length bucket',
    )
    .addOption(
      new Option(
        '--mode <mode>',
        'direct: the prompt in one call, as the paper scores plain models; quire: the whole pipeline (string; default: quire)',
      ).choices(['direct', 'quire']),
    )
    .option(
      '--data <file>',
      'LongBench-Write JSONL of {prompt, type, length} (string; default: ../shared/data/longbench-write/longbench_write.jsonl when present)',
    )
    .option(
      '--predictions <file>',
      "score answers already written instead of calling a model: JSONL of {prompt, type, length, response}, as LongWriter's pred.py writes (string)",
    )
    .option(
      '--limit <n>',
      'items to run, spread over the length buckets (integer; default: all)',
      positiveInteger('--limit', limits.items),
    )
    .option(
      '--samples <n>',
      'answers per item, each drawn with its own seed; reports the coefficient of variation of their lengths (integer; default: 1)',
      positiveInteger('--samples', limits.samples),
    )
    .option(
      '--concurrency <n>',
      'items in flight (integer; default: 4)',
      positiveInteger('--concurrency', limits.concurrency),
    )
    .option(
      '--judge <spec>',
      'model spec of the quality judge (string; default: config "judge", else none and S_q not scored)',
    )
    .option(
      '--out <dir>',
      'results folder; items already in it are skipped (string; default: outputs/<time>-longbench-write-<mode>)',
    )
    .option(
      '--suite <file>',
      'evaluation suite from evals/, e.g. evals/longbench-write.json: data, mode, limit, thresholds; flags override it (string)',
    );
  addQueueOption(longbench);
  addQualityOption(longbench, 'fast');
  addModelOptions(longbench);
  lazyAction({ command: longbench, setup, load: () => import('./bench-longbench-write.js') });

  const sgt = bench
    .command('sgt')
    .description('score constraint following on SGT-style tasks: CR, STIC-1, STIC-2, wAvg')
    .addOption(
      new Option(
        '--mode <mode>',
        "direct: the prompt in one call; quire: the pipeline, each segment's constraints planned into its section (string; default: quire)",
      ).choices(['direct', 'quire']),
    )
    .option(
      '--data <file>',
      "SGT's Dataset_short.json / Dataset_long.json, or a task file from --generate (string)",
    )
    .option(
      '--predictions <file>',
      "score answers already written instead of calling a model: SGT's predictions JSON (items with output_blocks), with its judge's verdicts when present (string)",
    )
    .addOption(
      new Option(
        '--headers <rule>',
        "how segment headers are read: sgt (SGT's rule: label, one space, number, case as given) or lenient (any spacing and case; not comparable with published scores) (string; default: sgt)",
      ).choices(['sgt', 'lenient']),
    )
    .option(
      '--rejudge',
      'with --predictions, decide checks by wording and --judge even where the file stores verdicts (boolean; default: false)',
    )
    .option(
      '--scenario <name>',
      'only this scenario, e.g. Week, Floor, diary, city-grid (string; default: all)',
    )
    .option(
      '--limit <n>',
      'tasks to run, spread over the scenarios (integer; default: all)',
      positiveInteger('--limit', limits.items),
    )
    .option(
      '--generate <n>',
      "write N SGT-style tasks of quire's own (diary, menu, floors, city grid) to a file, and stop (integer)",
      positiveInteger('--generate', limits.generatedTasks),
    )
    .option(
      '--seed <n>',
      'seed for --generate (integer; default: 1)',
      positiveInteger('--seed', limits.seed),
    )
    .option(
      '--concurrency <n>',
      'tasks in flight (integer; default: 2)',
      positiveInteger('--concurrency', limits.concurrency),
    )
    .option(
      '--judge <spec>',
      'model spec of the yes/no judge for checks the wording cannot settle (string; default: config "judge", else lexical checks only)',
    )
    .option(
      '--out <dir>',
      'results folder, tasks already in it skipped; with --generate, where the task file goes (string; default: outputs/<time>-sgt-<mode>, or outputs)',
    )
    .option(
      '--suite <file>',
      'evaluation suite from evals/, e.g. evals/sgt-generated.json: data, mode, limit, thresholds; flags override it (string)',
    );
  addQueueOption(sgt);
  addQualityOption(sgt, 'fast');
  addModelOptions(sgt);
  lazyAction({ command: sgt, setup, load: () => import('./bench-sgt.js') });

  const hellobench = bench
    .command('hellobench')
    .description(
      'score a model on HelloBench: length adherence per length, and the HelloEval checklist score',
    )
    .addOption(
      new Option(
        '--subset <set>',
        'length-constrained: 123 writing tasks at 2k, 4k, 8k and 16k words; main: the 647 real-world tasks (string; default: length-constrained)',
      ).choices(['main', 'length-constrained']),
    )
    .option(
      '--lengths <list>',
      'lengths of the length-constrained set, comma-separated (string; default: 2k,4k,8k,16k)',
    )
    .addOption(
      new Option(
        '--mode <mode>',
        'direct: the instruction in one call, as the paper scores models; quire: the whole pipeline (string; default: quire)',
      ).choices(['direct', 'quire']),
    )
    .option(
      '--data <dir>',
      "HelloBench's folder: its repository or its data/ (string; default: ../shared/data/hellobench when present)",
    )
    .option(
      '--limit <n>',
      'items to run, spread over the lengths or task types (integer; default: all)',
      positiveInteger('--limit', limits.items),
    )
    .option(
      '--concurrency <n>',
      'items in flight (integer; default: 4)',
      positiveInteger('--concurrency', limits.concurrency),
    )
    .option(
      '--judge <spec>',
      'model spec of the HelloEval checklist judge (string; default: config "judge", else none and length only)',
    )
    .option(
      '--out <dir>',
      'results folder; items already in it are skipped (string; default: outputs/<time>-hellobench-<mode>)',
    )
    .option(
      '--suite <file>',
      'evaluation suite from evals/, e.g. evals/hellobench-length.json: data, set, lengths, mode, limit, thresholds; flags override it (string)',
    );
  addQualityOption(hellobench, 'fast');
  addModelOptions(hellobench);
  lazyAction({ command: hellobench, setup, load: () => import('./bench-hellobench.js') });
}
