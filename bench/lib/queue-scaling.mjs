import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliPath } from './paths.mjs';
import { simServeCommand, withSimServer } from './sim-process.mjs';

/**
 * Queue scaling: `quire sft --queue` over `instructions` items with 1, 2 and 4 `quire worker`s,
 * each worker with its own `quire sim serve` of `slots` slots and `--concurrency slots`, against
 * a fresh `redis-server` per round (so no result is reused). Reported per round: wall time,
 * items per minute and the ratio to one worker. The servers pace replies (ttft, tps), so the
 * ideal is linear in workers; on a machine with few cores every sim server, worker and the
 * producer share them, which caps the ratio.
 */
export async function measureQueueScaling({ instructions, workers, slots, ttftMs, tps, words }) {
  const flags = ['--ttft', `${ttftMs}ms`, '--tps', String(tps), '--slots', String(slots)];
  const rounds = [];
  for (const count of workers) {
    const folder = await mkdtemp(join(tmpdir(), 'quire-bench-queue-'));
    try {
      rounds.push({
        workers: count,
        ...(await round({ folder, count, instructions, flags, slots, words })),
      });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }
  const base = rounds[0]?.itemsPerMinute ?? 0;
  for (const each of rounds) each.ratio = Number((each.itemsPerMinute / base).toFixed(2));
  return {
    server: simServeCommand(flags),
    command: `quire worker --queue <redis-url> --concurrency ${slots} --model openai:sim --base-url <own-sim-url> (× workers); quire sft instructions.jsonl --out data.jsonl --queue <redis-url>`,
    settings: { instructions, workers, slots, ttftMs, tps, words },
    rounds,
  };
}

async function round({ folder, count, instructions, flags, slots, words }) {
  await writeFile(
    join(folder, 'in.jsonl'),
    Array.from(
      { length: instructions },
      (_, index) =>
        `${JSON.stringify({ prompt: `Write an essay on lighthouse ${index + 1}.`, length: words })}\n`,
    ).join(''),
  );
  const redis = await startRedis(folder);
  const started = [];
  try {
    const urls = await Promise.all(Array.from({ length: count }, () => openSim(flags, started)));
    const workerProcesses = urls.map((url) =>
      startProcess(
        [
          'worker',
          '--queue',
          redis.url,
          '--concurrency',
          String(slots),
          '--model',
          'openai:sim',
          '--base-url',
          url,
          '--json',
        ],
        folder,
      ),
    );
    started.push(...workerProcesses);
    // The clock starts once every worker takes jobs: process start-up is not queue throughput.
    await Promise.all(workerProcesses.map(untilReady));
    const begun = performance.now();
    const producer = startProcess(
      ['sft', 'in.jsonl', '--out', 'data.jsonl', '--queue', redis.url, '--json'],
      folder,
    );
    const code = await producer.exited;
    const wallSeconds = (performance.now() - begun) / 1000;
    if (code !== 0)
      throw new Error(
        `quire sft --queue exited with ${code}: ${producer.stderr().trim().split('\n').at(-1)}`,
      );
    const result = JSON.parse(producer.stdout().trim().split('\n').at(-1));
    return {
      written: result.written,
      rejected: result.rejected,
      wallSeconds: Number(wallSeconds.toFixed(1)),
      itemsPerMinute: Number(((instructions / wallSeconds) * 60).toFixed(1)),
    };
  } finally {
    for (const each of started.reverse()) await each.stop();
    await redis.stop();
  }
}

/** Starts a sim server through `withSimServer`, kept running until its entry is stopped. */
function openSim(flags, started) {
  return new Promise((resolve, reject) => {
    let release;
    const done = new Promise((resolveDone) => {
      release = resolveDone;
    });
    const running = withSimServer(flags, async (url) => {
      resolve(url);
      await done;
    }).catch(reject);
    started.push({
      stop: async () => {
        release();
        await running;
      },
    });
  });
}

function startProcess(args, cwd) {
  const child = spawn(process.execPath, [cliPath, ...args], {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      NO_COLOR: '1',
      QUIRE_REPORT_HTML: 'false',
      OPENAI_API_KEY: 'sim',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (err += chunk));
  const exited = new Promise((resolve) =>
    child.on('close', (code, signal) => resolve(code ?? signal)),
  );
  return {
    exited,
    stdout: () => out,
    stderr: () => err,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

async function untilReady(worker) {
  while (!worker.stdout().includes('"event":"worker-ready"')) {
    const ended = await Promise.race([
      worker.exited.then(() => true),
      new Promise((resolve) => setTimeout(() => resolve(false), 50)),
    ]);
    if (ended) throw new Error(`quire worker exited: ${worker.stderr().trim().split('\n').at(-1)}`);
  }
}

async function startRedis(folder) {
  const port = await new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = server.address();
      server.close(() => resolve(free));
    });
  });
  const child = spawn(
    process.env.QUIRE_REDIS_SERVER ?? 'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      folder,
      '--save',
      '',
      '--appendonly',
      'no',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('Ready to accept connections')) resolve();
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
