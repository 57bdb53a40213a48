import { type Command, Option } from 'commander';
import { type CommandSetup, lazyAction } from '../define-command.js';
import { addModelOptions, positiveInteger, positiveNumber } from '../shared-options.js';

/** `quire sft`: long-output fine-tuning data. */
export function defineSftCommand({ program, setup }: { program: Command; setup: CommandSetup }) {
  const command = program
    .command('sft')
    .description('generate long-output SFT data from a JSONL of instructions')
    .argument(
      '[instructions]',
      'JSONL file, one {"prompt": …, "length"?: …} per line (default: the --suite data)',
    )
    .requiredOption(
      '--out <file>',
      'output JSONL; rejections go beside it (data.jsonl → data.rejected.jsonl); instructions in either are skipped (string; required)',
    )
    .option(
      '--concurrency <n>',
      'instructions in flight (integer; default: 4)',
      positiveInteger('--concurrency'),
    )
    .option(
      '--min-words <n>',
      'reject answers shorter than this many words (integer; default: the length gate floor, config "lengthGate.floor" 0.9, × each target)',
      positiveInteger('--min-words'),
    )
    .option(
      '--max-rep <r>',
      'also reject answers whose whole-text rep-4 exceeds this; loops, repeated stretches, symbol runs and collapses are always rejected (number; default: config "repetition.maxRep4", 1: no limit)',
      positiveNumber('--max-rep'),
    )
    .addOption(
      new Option('--format <format>', 'record format (string; default: messages)').choices([
        'messages',
        'alpaca',
        'sharegpt',
      ]),
    )
    .option(
      '--skip-invalid',
      'skip malformed lines, listing them, instead of stopping (boolean; default: false)',
    )
    .option(
      '--suite <file>',
      'evaluation suite from evals/, e.g. evals/sft-longbench-en.json: data, format, filters, thresholds; flags override it (string)',
    );
  addModelOptions(command);
  lazyAction({ command, setup, load: () => import('./sft.js') });
}
