import type { Command } from 'commander';
import type { CliIo } from './cli-io.js';
import type { CommandModule } from './command-context.js';

/** What a command definition needs to attach a lazily loaded action. */
export interface CommandSetup {
  io: CliIo;
  abortSignal: AbortSignal;
}

/**
 * Attaches an action that imports the command's module only when the command runs, so
 * `quire --help` never loads the AI SDK, zod or remark.
 */
export function lazyAction({
  command,
  setup,
  load,
}: {
  command: Command;
  setup: CommandSetup;
  load: () => Promise<CommandModule>;
}): Command {
  return command.action(async () => {
    const module = await load();
    await module.run({
      args: command.processedArgs,
      options: command.optsWithGlobals(),
      io: setup.io,
      abortSignal: setup.abortSignal,
    });
  });
}
