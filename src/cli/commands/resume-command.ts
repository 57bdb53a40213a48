import type { Command } from 'commander';
import { limits } from '../../config/limits.js';
import { type CommandSetup, lazyAction } from '../define-command.js';
import {
  addModelOptions,
  addSandboxOption,
  positiveInteger,
  positiveNumber,
} from '../shared-options.js';

/** `quire resume`: continue a stopped run. */
export function defineResumeCommand({ program, setup }: { program: Command; setup: CommandSetup }) {
  const command = program
    .command('resume')
    .description('continue a stopped or interrupted run; finished sections are kept as they are')
    .argument('<run>', 'run directory')
    .option(
      '--words <n>',
      "new target length in words; sections off their new budget are repaired (integer; default: the run's target)",
      positiveInteger('--words', limits.words),
    )
    .option(
      '--max-tokens <n>',
      'new token limit for the run (integer; default: as recorded in run.json)',
      positiveInteger('--max-tokens', limits.tokens),
    )
    .option(
      '--max-cost <usd>',
      'new cost limit in US dollars (number; default: as recorded in run.json)',
      positiveNumber('--max-cost', limits.costUsd),
    );
  addModelOptions(command);
  addSandboxOption(command);
  lazyAction({ command, setup, load: () => import('./resume.js') });
}
