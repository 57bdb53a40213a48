import type { Command } from 'commander';
import { type CommandSetup, lazyAction } from '../define-command.js';
import { addModelOptions, positiveInteger } from '../shared-options.js';

/** `quire eval`: score a document or a run. */
export function defineEvalCommand({ program, setup }: { program: Command; setup: CommandSetup }) {
  const command = program
    .command('eval')
    .description('score a Markdown document or a run directory and write report.json')
    .argument('<target>', 'a document (.md or .txt) or a run directory')
    .option(
      '--words <n>',
      'required length for the length score (integer; default: from the run, else none)',
      positiveInteger('--words'),
    )
    .option('--constraints <file>', 'constraints file to check segment by segment (string)')
    .option(
      '--judge <spec>',
      'model spec of the quality and constraint judge (string; default: no judge)',
    )
    .option(
      '--code',
      'evaluate a code run: tests, lines of code, features (boolean; default: false)',
    )
    .option('--checklist <file>', 'requirement checklist for Features % (string; with --code)')
    .option(
      '--report <file>',
      'where to write the report (string; default: report.json beside the target)',
    );
  addModelOptions(command);
  lazyAction({ command, setup, load: () => import('./eval.js') });
}
