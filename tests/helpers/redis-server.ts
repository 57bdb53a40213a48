import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A real `redis-server` started for one test file. */
export interface RedisServer {
  /** `redis://127.0.0.1:<port>`. */
  url: string;
  stop(): Promise<void>;
}

/** The Debian binary `.ci/run` installs; `QUIRE_REDIS_SERVER` points at another one. */
const binary = process.env.QUIRE_REDIS_SERVER ?? 'redis-server';

/**
 * Starts `redis-server` on a free port of 127.0.0.1 with its working folder `dir` and nothing
 * saved to disk, and resolves once it accepts connections. A port taken between choosing it
 * and binding it is retried on another.
 */
export async function startRedisServer({ dir }: { dir: string }): Promise<RedisServer> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const child = spawn(
      binary,
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--dir',
        dir,
        '--save',
        '',
        '--appendonly',
        'no',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const ready = await untilReady(child);
    if (ready === 'ready') {
      return { url: `redis://127.0.0.1:${port}`, stop: () => stop(child) };
    }
    if (attempt >= 3) throw new Error(`redis-server did not start: ${ready}`);
  }
}

function untilReady(child: ChildProcess): Promise<'ready' | string> {
  return new Promise((resolve) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (output.includes('Ready to accept connections')) resolve('ready');
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('error', (error) => resolve(`${error.message} (is redis-server installed?)`));
    child.on('exit', (code) => resolve(`exited with ${code}: ${output.slice(-500)}`));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
