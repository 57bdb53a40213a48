import { type Command, InvalidArgumentError } from 'commander';
import { simKnobs } from '../../sim/sim-knobs.js';
import { type CommandSetup, lazyAction } from '../define-command.js';

/**
 * `quire sim serve`: the simulated model as an OpenAI-compatible server. Every knob of the
 * model is a flag; values are checked when the command runs, with the same rules and messages
 * as a `sim:<key>=<value>` spec.
 */
export function defineSimCommand({ program, setup }: { program: Command; setup: CommandSetup }) {
  const sim = program.command('sim').description('the built-in simulated model');
  const serve = sim
    .command('serve')
    .description(
      'serve the simulated model over an OpenAI-compatible HTTP API (POST /v1/chat/completions, GET /v1/models) until Ctrl-C',
    )
    .option('--port <n>', 'port to listen on; 0 picks a free one (integer; default: 8787)', port)
    .option(
      '--host <host>',
      'address to bind; anything but loopback exposes the server (string; default: 127.0.0.1)',
    )
    .option(
      '--api-key <key>',
      'require this bearer token; requests without it get 401 as from OpenAI (string; default: any key accepted)',
    );
  for (const knob of simKnobs) {
    const shown = knob.defaultText ?? 'its share of --errors';
    serve.option(
      `--${knob.name} ${knob.placeholder}`,
      `${knob.description} (${knob.type}; default: ${shown})`,
    );
  }
  lazyAction({ command: serve, setup, load: () => import('./sim-serve.js') });
}

function port(value: string): number {
  const number = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || number > 65_535) {
    throw new InvalidArgumentError(`--port must be a whole number from 0 to 65535, got "${value}"`);
  }
  return number;
}
