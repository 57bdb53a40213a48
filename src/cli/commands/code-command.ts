import { type Command, InvalidArgumentError } from 'commander';
import { limits } from '../../config/limits.js';
import { type CommandSetup, lazyAction } from '../define-command.js';
import { addModelOptions, addSandboxOption, positiveInteger } from '../shared-options.js';

/** `quire code`: L2MAC-style codebase generation. */
export function defineCodeCommand({ program, setup }: { program: Command; setup: CommandSetup }) {
  const command = program
    .command('code')
    .description('build a multi-file codebase with passing tests from a specification')
    .argument('[spec...]', 'the specification (or use --task)')
    .option('--task <file>', 'specification file (Markdown or text) (string)')
    .option(
      '--out <dir>',
      'run directory; an existing run there is resumed (string; default: outputs/<time>-<slug>)',
    )
    .option(
      '--max-tokens <n>',
      'stop starting steps after this many tokens in the run (integer; default: config "maxTokens", else no limit)',
      positiveInteger('--max-tokens', limits.tokens),
    )
    .option(
      '--max-steps <n>',
      'most steps one run executes; later steps are reported unmet (integer; default: 30)',
      positiveInteger('--max-steps', limits.codeSteps),
    )
    .option(
      '--max-turns <n>',
      'most model turns per step before it ends as failed (integer; default: 40)',
      positiveInteger('--max-turns', limits.codeSteps),
    )
    .option(
      '--max-step-tokens <n>',
      'most tokens one step may use before it ends as failed (integer; default: 400000)',
      positiveInteger('--max-step-tokens', limits.tokens),
    )
    .option(
      '--conversation-tokens <n>',
      'largest step conversation before it is summarised and restarted (integer; default: 24000)',
      positiveInteger('--conversation-tokens', limits.contextTokens),
    )
    .option(
      '--max-restarts <n>',
      'restarts from a summary allowed per step (integer, 0 or more; default: 3)',
      wholeNumber('--max-restarts'),
    )
    .option(
      '--repeat-limit <n>',
      'identical tool calls in a row before the step is nudged; twice that ends it (integer; default: 3)',
      positiveInteger('--repeat-limit', limits.codeSteps),
    )
    .option(
      '--test-timeout <ms>',
      'time limit of one run of the generated tests, in ms (integer; default: 60000)',
      positiveInteger('--test-timeout', limits.durationMs),
    )
    .option(
      '--memory-limit <mb>',
      "memory limit of each generated test process (heap, and all its memory besides Node's own), in MB (integer; default: 512)",
      positiveInteger('--memory-limit', limits.memoryMb),
    )
    .option(
      '--disk-quota <mb>',
      'disk quota of each generated test process (all it writes, and any one file), in MB (integer; default: 256)',
      positiveInteger('--disk-quota', limits.diskMb),
    )
    .option(
      '--temperature <t>',
      'sampling temperature of step turns, 0 to 2 (number; default: the provider default)',
      temperature,
    );
  addModelOptions(command);
  addSandboxOption(command);
  lazyAction({ command, setup, load: () => import('./code.js') });
}

function wholeNumber(name: string): (value: string) => number {
  return (value) => {
    const number = Number(value);
    if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(number)) {
      throw new InvalidArgumentError(`${name} must be a whole number (0 or more), got "${value}"`);
    }
    return number;
  };
}

function temperature(value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < 0 || number > 2) {
    throw new InvalidArgumentError(`--temperature must be a number from 0 to 2, got "${value}"`);
  }
  return number;
}
