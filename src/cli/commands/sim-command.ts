import type { Command } from 'commander';
import { type CommandSetup, lazyAction } from '../define-command.js';
import { positiveInteger } from '../shared-options.js';

/** `quire sim serve`: the simulated model as an OpenAI-compatible server. */
export function defineSimCommand({ program, setup }: { program: Command; setup: CommandSetup }) {
  const sim = program.command('sim').description('the built-in simulated model');
  const serve = sim
    .command('serve')
    .description('serve the simulated model over an OpenAI-compatible HTTP API')
    .option('--port <n>', 'port to listen on (integer; default: 8787)', positiveInteger('--port'))
    .option('--host <host>', 'address to bind (string; default: 127.0.0.1)');
  lazyAction({ command: serve, setup, load: () => import('./sim-serve.js') });
}
