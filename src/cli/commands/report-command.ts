import type { Command } from 'commander';
import { type CommandSetup, lazyAction } from '../define-command.js';

/** `quire report`: one self-contained HTML page of a run, a benchmark or an SFT output. */
export function defineReportCommand({ program, setup }: { program: Command; setup: CommandSetup }) {
  const command = program
    .command('report')
    .description(
      'write one self-contained HTML page of a run directory, a benchmark folder or a quire sft output',
    )
    .argument('<target>', 'a run directory, a benchmark folder, or the .jsonl output of quire sft')
    .option(
      '--out <file>',
      'where the page goes (string; default: report.html inside the folder, <name>.report.html beside an sft output)',
    )
    .option(
      '--compare <folder>',
      'a second benchmark folder of the same benchmark (e.g. the other --mode), drawn beside the first (string; default: none)',
    )
    .option(
      '--open',
      'open the page in the default browser ($BROWSER, else the system opener) (boolean; default: false)',
    );
  lazyAction({ command, setup, load: () => import('./report.js') });
}
