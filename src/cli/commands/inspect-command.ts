import type { Command } from 'commander';
import { type CommandSetup, lazyAction } from '../define-command.js';

/** `quire inspect`: the state of a run. */
export function defineInspectCommand({
  program,
  setup,
}: {
  program: Command;
  setup: CommandSetup;
}) {
  const command = program
    .command('inspect')
    .description(
      'show a run: status, sections done, words vs budget, tokens, cost, failed checks, cost per stage, review rounds, ledger size',
    )
    .argument('<run>', 'run directory');
  lazyAction({ command, setup, load: () => import('./inspect.js') });
}
