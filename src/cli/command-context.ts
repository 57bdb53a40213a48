import type { CliIo } from './cli-io.js';

/** What every command's `run` receives. Commands throw errors; they never exit the process. */
export interface CommandContext<OPTIONS = Record<string, unknown>> {
  /** Positional arguments, in the order the command declares them. */
  args: unknown[];
  /** Parsed flags, global ones included (`--config`, `--debug`, `--json`). */
  options: OPTIONS;
  io: CliIo;
  /** Fires on Ctrl-C. Commands stop their work, save it, and throw `InterruptedError`. */
  abortSignal: AbortSignal;
}

/** The shape of a command module, loaded only when its command runs. */
export interface CommandModule {
  run(context: CommandContext): Promise<void>;
}
