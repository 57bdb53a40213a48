import pc from 'picocolors';
import { type CliIo, processIo } from './cli-io.js';
import { exitCodes, formatError } from './format-error.js';
import { createProgram } from './program.js';

/**
 * Runs the CLI on `argv` (without the node and script entries) and returns the exit code.
 * The only place where errors become exit codes: 0 ok, 1 failure, 2 usage or input error,
 * 130 interrupted. Errors are one line; the stack trace only with `--debug`.
 */
export async function main({
  argv,
  io = processIo(),
  abortSignal = new AbortController().signal,
}: {
  argv: string[];
  io?: CliIo;
  abortSignal?: AbortSignal;
}): Promise<number> {
  const program = createProgram({ io, abortSignal });
  if (argv.length === 0) {
    program.outputHelp();
    return exitCodes.input;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCodes.ok;
  } catch (error) {
    const command = commandPath(
      argv,
      program.commands.map((each) => each.name()),
    );
    const report = formatError({ error, command });
    if (report.message) {
      const color = io.stderr.isTTY && !io.env.NO_COLOR;
      io.stderr.write(`${color ? pc.red('quire:') : 'quire:'} ${report.message}\n`);
    }
    if (argv.includes('--debug') && error instanceof Error && error.stack) {
      io.stderr.write(`${error.stack}\n`);
    }
    return report.exitCode;
  }
}

/** The command words of argv, e.g. `bench sgt`, for pointing at the right `--help`. */
function commandPath(argv: string[], commands: string[]): string {
  const first = argv.find((word) => !word.startsWith('-'));
  if (first === undefined || !commands.includes(first)) return '';
  const second = argv[argv.indexOf(first) + 1];
  return first === 'bench' || first === 'sim' ? [first, second].filter(Boolean).join(' ') : first;
}
