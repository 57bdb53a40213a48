import { type Command, Option } from 'commander';
import { type CommandSetup, lazyAction } from '../define-command.js';
import { addModelOptions, positiveInteger, positiveNumber } from '../shared-options.js';

/** `quire sft`: long-output fine-tuning data. */
export function defineSftCommand({ program, setup }: { program: Command; setup: CommandSetup }) {
  const command = program
    .command('sft')
    .description('generate long-output SFT data from a JSONL of instructions')
    .argument('<instructions>', 'JSONL file, one {"prompt": …, "length"?: …} per line')
    .requiredOption(
      '--out <file>',
      'output JSONL; items already in it are skipped (string; required)',
    )
    .option(
      '--concurrency <n>',
      'instructions in flight (integer; default: 4)',
      positiveInteger('--concurrency'),
    )
    .option(
      '--min-words <n>',
      'reject answers shorter than this many words (integer; default: 80% of the target)',
      positiveInteger('--min-words'),
    )
    .option(
      '--max-rep <r>',
      'reject answers whose rep-4 exceeds this (number; default: 0.2)',
      positiveNumber('--max-rep'),
    )
    .addOption(
      new Option('--format <format>', 'record format (default: messages)').choices([
        'messages',
        'alpaca',
        'sharegpt',
      ]),
    )
    .option('--skip-invalid', 'skip malformed lines instead of stopping (boolean; default: false)')
    .option('--suite <file>', 'evaluation suite config from evals/ (string)');
  addModelOptions(command);
  lazyAction({ command, setup, load: () => import('./sft.js') });
}
