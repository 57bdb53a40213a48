import { type Command, Option } from 'commander';
import { type CommandSetup, lazyAction } from '../define-command.js';
import { addModelOptions, positiveInteger } from '../shared-options.js';

/** `quire bench`: LongBench-Write and SGT-style benchmarks. */
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
        'one direct call, or the quire pipeline (default: quire)',
      ).choices(['direct', 'quire']),
    )
    .option(
      '--data <file>',
      'LongBench-Write JSONL (string; default: the bundled data path when present)',
    )
    .option(
      '--limit <n>',
      'items to run, spread over the length buckets (integer; default: all)',
      positiveInteger('--limit'),
    )
    .option(
      '--concurrency <n>',
      'items in flight (integer; default: 4)',
      positiveInteger('--concurrency'),
    )
    .option(
      '--judge <spec>',
      'model spec of the quality judge (string; default: no judge, S_q not scored)',
    )
    .option(
      '--out <dir>',
      'results folder; finished items there are skipped (string; default: outputs/bench-<time>)',
    )
    .option('--suite <file>', 'evaluation suite config from evals/ (string)');
  addModelOptions(longbench);
  lazyAction({ command: longbench, setup, load: () => import('./bench-longbench-write.js') });

  const sgt = bench
    .command('sgt')
    .description('score constraint following on SGT-style tasks: CR, STIC-1, STIC-2, wAvg')
    .addOption(
      new Option(
        '--mode <mode>',
        'one direct call, or the quire pipeline (default: quire)',
      ).choices(['direct', 'quire']),
    )
    .option('--data <file>', 'SGT dataset JSON or a generated task file (string)')
    .option('--scenario <name>', 'only this scenario type, e.g. Week, Floor (string; default: all)')
    .option('--limit <n>', 'tasks to run (integer; default: all)', positiveInteger('--limit'))
    .option(
      '--generate <n>',
      'generate N tasks of our own instead of reading data (integer)',
      positiveInteger('--generate'),
    )
    .option('--seed <n>', 'seed for --generate (integer; default: 1)', positiveInteger('--seed'))
    .option(
      '--concurrency <n>',
      'tasks in flight (integer; default: 2)',
      positiveInteger('--concurrency'),
    )
    .option(
      '--judge <spec>',
      'model spec of the yes/no constraint judge (string; default: lexical checks only)',
    )
    .option('--out <dir>', 'results folder (string; default: outputs/sgt-<time>)')
    .option('--suite <file>', 'evaluation suite config from evals/ (string)');
  addModelOptions(sgt);
  lazyAction({ command: sgt, setup, load: () => import('./bench-sgt.js') });
}
