import pc from 'picocolors';
import { escapeControl } from '../util/escape-control.js';
import { redactSecrets } from '../util/redact-secrets.js';
import { type CliIo, processIo } from './cli-io.js';
import { exitCodes, formatError } from './format-error.js';
import { createProgram } from './program.js';
import { StopRequest } from './stop-request.js';

/**
 * Runs the CLI on `argv` (without the node and script entries) and returns the exit code.
 * The only place where errors become exit codes: 0 ok, 1 failure, 2 usage or input error,
 * 130, 143 or 129 when stopped by SIGINT, SIGTERM or SIGHUP (`abortSignal`'s reason is then a
 * `StopRequest`). Errors are one line; the stack trace only with `--debug`.
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
  const stoppedBy = () =>
    abortSignal.aborted && abortSignal.reason instanceof StopRequest
      ? abortSignal.reason
      : undefined;
  try {
    await program.parseAsync(argv, { from: 'user' });
    // A command that returns after SIGTERM or SIGHUP (a server that stopped) still reports the
    // signal; after Ctrl-C, `quire sim serve` ends normally.
    const stop = stoppedBy();
    return stop === undefined || stop.signal === 'SIGINT' ? exitCodes.ok : stop.exitCode;
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
      const lines = error.stack.split('\n').map((line) => escapeControl(redactSecrets(line)));
      io.stderr.write(`${lines.join('\n')}\n`);
    }
    const stop = stoppedBy();
    return report.exitCode === exitCodes.interrupted && stop !== undefined
      ? stop.exitCode
      : report.exitCode;
  }
}

/** The command words of argv, e.g. `bench sgt`, for pointing at the right `--help`. */
function commandPath(argv: string[], commands: string[]): string {
  const first = argv.find((word) => !word.startsWith('-'));
  if (first === undefined || !commands.includes(first)) return '';
  const second = argv[argv.indexOf(first) + 1];
  return first === 'bench' || first === 'sim' ? [first, second].filter(Boolean).join(' ') : first;
}
