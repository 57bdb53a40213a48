import { resolveSimOptions } from '../../sim/parse-sim-options.js';
import { simKnobs } from '../../sim/sim-knobs.js';
import { simNotice } from '../../sim/sim-notice.js';
import { startSimServer } from '../../sim/start-sim-server.js';
import { waitForAbort } from '../../sim/wait-for-abort.js';
import type { CommandContext } from '../command-context.js';

interface SimServeOptions {
  port?: number;
  host?: string;
  apiKey?: string;
  json?: boolean;
  [knob: string]: unknown;
}

/**
 * Runs the simulated model's HTTP server until Ctrl-C (or SIGTERM), then stops it cleanly and
 * returns, so the CLI exits 0: stopping a server is how it is meant to end, not an interruption
 * with work to resume. Prints the placeholder-prose notice to stderr and the URL to stdout (as
 * one JSON line with `--json`).
 */
export async function run(context: CommandContext): Promise<void> {
  const { io, abortSignal } = context;
  const options = context.options as SimServeOptions;
  const knobs = Object.fromEntries(
    simKnobs.flatMap((knob) =>
      options[knob.key] === undefined ? [] : [[knob.key, options[knob.key]]],
    ),
  );
  const simOptions = resolveSimOptions(knobs, { source: 'flags' });
  const server = await startSimServer({
    options: simOptions,
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 8787,
    apiKey: options.apiKey,
  });
  // Only once it listens: a server that cannot start prints its one error line and nothing else.
  io.stderr.write(`${simNotice()}\n`);
  if (options.json) {
    io.stdout.write(`${JSON.stringify({ event: 'listening', url: server.url })}\n`);
  } else {
    io.stdout.write(`quire sim: listening on ${server.url}\n`);
  }
  await waitForAbort(abortSignal);
  await server.close();
  if (options.json) io.stdout.write(`${JSON.stringify({ event: 'stopped', url: server.url })}\n`);
  else io.stderr.write('quire sim: stopped\n');
}
