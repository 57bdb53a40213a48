import { Command } from 'commander';
import { version } from '../version.js';
import { defineBenchCommand } from './commands/bench-command.js';
import { defineCodeCommand } from './commands/code-command.js';
import { defineEvalCommand } from './commands/eval-command.js';
import { defineInspectCommand } from './commands/inspect-command.js';
import { defineReportCommand } from './commands/report-command.js';
import { defineResumeCommand } from './commands/resume-command.js';
import { defineSftCommand } from './commands/sft-command.js';
import { defineSimCommand } from './commands/sim-command.js';
import { defineWorkerCommand } from './commands/worker-command.js';
import { defineWriteCommand } from './commands/write-command.js';
import type { CommandSetup } from './define-command.js';

/** Builds the command tree. Cheap: command modules are imported only when they run. */
export function createProgram(setup: CommandSetup): Command {
  const program = new Command('quire')
    .description('Turn one long writing or coding request into a finished artifact, and score it.')
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--config <file>', 'config file (string; default: quire.config.json if present)')
    .option(
      '--json',
      'machine-readable output: NDJSON events and a JSON result (boolean; default: false)',
    )
    .option('--debug', 'print stack traces with errors (boolean; default: false)')
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => setup.io.stdout.write(text),
      writeErr: (text) => setup.io.stderr.write(text),
      // Errors are reported once, by main, in quire's own one-line format.
      outputError: () => {},
    })
    .exitOverride();

  for (const define of [
    defineWriteCommand,
    defineResumeCommand,
    defineInspectCommand,
    defineEvalCommand,
    defineCodeCommand,
    defineBenchCommand,
    defineSftCommand,
    defineReportCommand,
    defineSimCommand,
    defineWorkerCommand,
  ]) {
    define({ program, setup });
  }
  program.commands.forEach(configureSubcommand);
  return program;
}

function configureSubcommand(command: Command): void {
  command.exitOverride().configureOutput({ outputError: () => {} });
  command.commands.forEach(configureSubcommand);
}
