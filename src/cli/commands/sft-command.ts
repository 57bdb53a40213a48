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
      'reject answers shorter than this many words (integer; default: 80% of each target)',
      positiveInteger('--min-words'),
    )
    .option(
      '--max-rep <r>',
      'reject answers whose rep-4 exceeds this, or whose text collapses at the end (number; default: 0.2)',
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
      '--thinking',
      "add the model's thinking to each record: reasoning_content of the assistant message, or a reasoning field (boolean; default: false)",
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
