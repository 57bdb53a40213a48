import { type Command, Option } from 'commander';
import { limits } from '../../config/limits.js';
import { sftInputFormats } from '../../sft/input/sft-input-format.js';
import { type CommandSetup, lazyAction } from '../define-command.js';
import {
  addModelOptions,
  addQualityOption,
  addQueueOption,
  positiveInteger,
  positiveNumber,
} from '../shared-options.js';

/** `quire sft`: long-output fine-tuning data. */
export function defineSftCommand({ program, setup }: { program: Command; setup: CommandSetup }) {
  const command = program
    .command('sft')
    .description('generate long-output SFT data from a file of instructions')
    .argument(
      '[instructions]',
      'JSONL (messages, alpaca, sharegpt or {"prompt"} records), CSV or Parquet file (default: the --suite data)',
    )
    .requiredOption(
      '--out <file>',
      'output, .jsonl or .parquet; rejections go beside it (data.jsonl → data.rejected.jsonl); instructions in either are skipped (string; required)',
    )
    .addOption(
      new Option(
        '--input-format <format>',
        'layout of the input records (string; default: detected from the first row)',
      ).choices(sftInputFormats),
    )
    .option(
      '--prompt-field <name>',
      'field (CSV: column) that holds the instruction (string; default: messages, conversations, instruction or prompt, by layout)',
    )
    .option(
      '--length-field <name>',
      'field (CSV: column) that holds a target length in words (string; default: length)',
    )
    .option(
      '--words <n>',
      'target length of instructions that state none (integer; default: config write.defaultWords)',
      positiveInteger('--words', limits.words),
    )
    .option(
      '--concurrency <n>',
      'instructions in flight; with --queue, jobs on the queue at a time (integer; default: 4, with --queue 1000)',
      positiveInteger('--concurrency', limits.concurrency),
    )
    .option(
      '--min-words <n>',
      'reject answers shorter than this many words (integer; default: the length gate floor, config "lengthGate.floor" 0.9, × each target)',
      positiveInteger('--min-words', limits.words),
    )
    .option(
      '--max-rep <r>',
      'also reject answers whose whole-text rep-4 exceeds this; loops, repeated stretches, symbol runs and collapses are always rejected (number; default: config "repetition.maxRep4", 1: no limit)',
      positiveNumber('--max-rep', 1),
    )
    .addOption(
      new Option(
        '--format <format>',
        'record format; dpo: chosen/rejected preference pairs of sections (string; default: messages)',
      ).choices(['messages', 'alpaca', 'sharegpt', 'dpo']),
    )
    .option(
      '--thinking',
      "add the model's thinking to each record: reasoning_content of the assistant message, or a reasoning field (boolean; default: false)",
    )
    .option(
      '--think-notes',
      'add each section\'s think note (the one it was written from) to each record, as a think_notes field (boolean; default: config "sft.thinkNotes", false)',
    )
    .option(
      '--split <share>',
      'also write a seeded train/validation split, e.g. 0.95: data.train.jsonl and data.validation.jsonl (number between 0 and 1; default: no split)',
      positiveNumber('--split', 1),
    )
    .option(
      '--seed <n>',
      'seed of --split (integer; default: 1)',
      positiveInteger('--seed', limits.seed),
    )
    .option(
      '--skip-invalid',
      'skip malformed lines, listing them, instead of stopping (boolean; default: false)',
    )
    .option(
      '--fixed-clock <time>',
      'stamp records as if each item started at this ISO 8601 time, for byte-identical reruns (string; default: config fixedClock)',
    )
    .option(
      '--suite <file>',
      'evaluation suite from evals/, e.g. evals/sft-longbench-en.json: data, format, filters, thresholds; flags override it (string)',
    );
  addQueueOption(command);
  addQualityOption(command, 'fast');
  addModelOptions(command);
  lazyAction({ command, setup, load: () => import('./sft.js') });
}
