import { spawn } from 'node:child_process';
import { cliPath } from './paths.mjs';

/**
 * Runs `work(url)` against `quire sim serve --port 0 <flags>` started as its own process (as
 * users run it, so the server never shares a thread with what is measured), then stops it.
 */
export async function withSimServer(flags, work) {
  const child = spawn(
    process.execPath,
    [cliPath, 'sim', 'serve', '--port', '0', '--json', ...flags],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const url = await new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      for (const line of output.split('\n')) {
        if (!line.startsWith('{')) continue;
        const event = JSON.parse(line);
        if (event.event === 'listening') resolve(event.url);
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`quire sim serve exited with ${code}: ${stderr.trim().split('\n').at(-1)}`)),
    );
  });
  try {
    return await work(url);
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    await exited;
  }
}

/** The command line of that server, exactly as `withSimServer` starts it. */
export function simServeCommand(flags) {
  return ['quire sim serve --port 0 --json', ...flags].join(' ');
}

/** The `quire sim serve` flags of a server with realistic latency and `slots` streams at once. */
export function latencyFlags({ ttftMs, tps, slots }) {
  return ['--seed', '1', '--ttft', `${ttftMs}ms`, '--tps', String(tps), '--slots', String(slots)];
}
