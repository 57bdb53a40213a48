import type { Command } from 'commander';
import { type CommandSetup, lazyAction } from '../define-command.js';
import { addModelOptions, positiveInteger } from '../shared-options.js';

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
      'stop after this many tokens (integer; default: no limit)',
      positiveInteger('--max-tokens'),
    );
  addModelOptions(command);
  lazyAction({ command, setup, load: () => import('./code.js') });
}
