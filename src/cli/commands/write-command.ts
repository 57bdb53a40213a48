import { type Command, Option } from 'commander';
import { limits } from '../../config/limits.js';
import { type CommandSetup, lazyAction } from '../define-command.js';
import {
  addModelOptions,
  addQualityOption,
  positiveInteger,
  positiveNumber,
} from '../shared-options.js';

/** `quire write`: the long-form pipeline. */
export function defineWriteCommand({ program, setup }: { program: Command; setup: CommandSetup }) {
  const command = program
    .command('write')
    .description('write a long Markdown document from one request')
    .argument('[request...]', 'the writing request (or use --task)')
    .option(
      '--task <file>',
      'task file (JSON: prompt, words, lang, constraints) instead of a request (string)',
    )
    .option(
      '--words <n>',
      'target length in words (integer; default: parsed from the request, else 2000)',
      positiveInteger('--words', limits.words),
    )
    .option(
      '--lang <code>',
      'language of the document, e.g. en, zh (string; default: detected from the request)',
    )
    .option('--plan <file>', 'use this plan.json instead of asking the model for one (string)')
    .option('--constraints <file>', 'constraints file: what must appear in which segment (string)')
    .option(
      '--out <dir>',
      'run directory; an existing run there is resumed (string; default: outputs/<time>-<slug>)',
    )
    .addOption(
      new Option('--context <policy>', 'what each step sees (default: bounded)').choices([
        'bounded',
        'full',
      ]),
    )
    .option(
      '--parallel <n>',
      'sections drafted at once, and most model calls in flight (integer; default: config write.parallel, 1)',
      positiveInteger('--parallel', 64),
    )
    .option(
      '--candidates <k>',
      'drafts of each section, the best by the section checks (and --judge) kept (integer; default: config write.candidates, else the quality level: fast 1, standard 1, best 2)',
      positiveInteger('--candidates', 16),
    )
    .option(
      '--max-tokens <n>',
      'stop, resumably, after this many tokens (integer; default: no limit)',
      positiveInteger('--max-tokens', limits.tokens),
    )
    .option(
      '--max-cost <usd>',
      'stop, resumably, at this estimated cost in US dollars (number; default: no limit)',
      positiveNumber('--max-cost', limits.costUsd),
    )
    .option(
      '--judge <spec>',
      'model spec of the quality judge for the final report (string; default: no judge)',
    );
  addQualityOption(command, 'standard');
  addModelOptions(command);
  lazyAction({ command, setup, load: () => import('./write.js') });
}
