#!/usr/bin/env node
// Throughput benchmark of `quire sft` (not a test). Build first: `npm run build`.
//
//   node bench/sft-throughput.mjs [--instructions 50] [--concurrency 8] [--ttft 400] [--tps 60]
//                                 [--slots 8] [--min-words 150] [--max-words 400]
//
// `quire sim serve` runs as its own process with realistic latency (time to first token `ttft`
// ms, then `tps` tokens per second, `slots` requests served at once, more wait in a FIFO queue),
// and `quire sft` runs as users run it, against it over HTTP, with `--concurrency` instructions
// in flight. Wall time is measured from starting the CLI to its exit, start-up included.
//
// What the server's slots allow. Each call holds one slot for its service time, the time to
// first token plus its output at the server's pace:
//
//     service(call) = ttft + outputTokens(call) / tps
//
// With `slots` calls served at once, no schedule can finish sooner than
//
//     bound = Σ service(call) / slots        (over every call the run made)
//
// so `ratio = bound / measured wall time` is the share of the server's capacity the client kept
// busy; 1 is perfect, the target is ≥ 0.9. Calls and output tokens are summed from the metadata
// of every record written or rejected (quire's own usage meter, as the server reported it). The
// sim streams a reply's first piece at ttft and paces only the tokens after it, so the bound is a
// hair above the true minimum (by one piece, a token or two, per call): if anything, the ratio
// is flattered by well under 1%.
//
// The items are sized so the tail does not dominate: a few hundred words each (about 10 s of
// service), ~6 per slot, and `quire sft` starts the longest first, so the last ones in flight
// are short and the slots stay busy almost to the end.
//
// `measureSftThroughput(options)` is exported for the project-wide `npm run bench` harness;
// run directly, this prints a table and writes bench/results/sft-throughput-<date>.json.

import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, '..', 'dist', 'cli', 'bin.js');
const target = 0.9;

const subjects = [
  'tides',
  'lighthouses',
  'glaciers',
  'violin making',
  'suspension bridges',
  'orchards',
  'comets',
  'ferry crossings',
  'old maps',
  'beekeeping',
];

/**
 * Runs `quire sft` on `instructions` generated instructions against a `quire sim serve` with
 * the given latency and measures how close its wall time comes to what the server's slots
 * allow (see the comment at the top of this file). Returns a JSON-able object.
 */
export async function measureSftThroughput({
  instructions = 50,
  concurrency = 8,
  ttftMs = 400,
  tps = 60,
  slots = 8,
  minWords = 150,
  maxWords = 400,
} = {}) {
  const folder = await mkdtemp(join(tmpdir(), 'quire-sft-throughput-'));
  try {
    const lengths = Array.from({ length: instructions }, (_, index) =>
      Math.round(
        minWords +
          ((maxWords - minWords) * ((index * 7) % instructions)) / Math.max(1, instructions - 1),
      ),
    );
    await writeFile(
      join(folder, 'instructions.jsonl'),
      lengths
        .map((length, index) =>
          JSON.stringify({
            prompt: `Write an essay for curious readers about ${subjects[index % subjects.length]}, part ${index + 1}.`,
            length,
          }),
        )
        .map((line) => `${line}\n`)
        .join(''),
    );
    const flags = ['--ttft', `${ttftMs}ms`, '--tps', String(tps), '--slots', String(slots)];
    const run = await withServer(flags, (url) =>
      timeCli({
        cwd: folder,
        args: [
          'sft',
          'instructions.jsonl',
          '--out',
          'data.jsonl',
          '--concurrency',
          String(concurrency),
          '--model',
          'openai:sim',
          '--base-url',
          url,
        ],
      }),
    );
    if (run.code !== 0)
      throw new Error(`quire sft exited with ${run.code}: ${run.stderr.trim().split('\n').at(-1)}`);
    const written = await readLines(join(folder, 'data.jsonl'));
    const rejected = await readLines(join(folder, 'data.rejected.jsonl'));
    const metadata = [...written, ...rejected].map((record) => record.metadata);
    const calls = sum(metadata.map((each) => each.calls));
    const outputTokens = sum(metadata.map((each) => each.tokens.output));
    const inputTokens = sum(metadata.map((each) => each.tokens.input));
    const serviceSeconds = (calls * ttftMs) / 1000 + outputTokens / tps;
    const boundSeconds = serviceSeconds / slots;
    const ratio = boundSeconds / run.wallSeconds;
    return {
      benchmark: 'sft-throughput',
      date: new Date().toISOString(),
      machine: {
        node: process.version,
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? 'unknown',
      },
      settings: { instructions, concurrency, ttftMs, tps, slots, words: [minWords, maxWords] },
      definition:
        'bound = Σ over calls (ttft + outputTokens / tps) / slots; ratio = bound / measured wall time of quire sft',
      results: {
        written: written.length,
        rejected: rejected.length,
        accounted: new Set(metadata.map((each) => each.id)).size,
        calls,
        inputTokens,
        outputTokens,
        wallSeconds: round(run.wallSeconds, 2),
        serviceSeconds: round(serviceSeconds, 2),
        boundSeconds: round(boundSeconds, 2),
        ratio: round(ratio, 3),
        target,
        pass: ratio >= target && metadata.length === instructions,
        itemsPerMinute: round((metadata.length / run.wallSeconds) * 60, 2),
        outputTokensPerSecond: round(outputTokens / run.wallSeconds, 1),
      },
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Starts `quire sim serve --port 0` with `flags`, runs `work` against its URL, stops it. */
async function withServer(flags, work) {
  const child = spawn(process.execPath, [cli, 'sim', 'serve', '--port', '0', '--json', ...flags], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      for (const line of output.split('\n')) {
        if (line.startsWith('{') && line.endsWith('}')) {
          const event = JSON.parse(line);
          if (event.event === 'listening') resolve(event.url);
        }
      }
    });
    child.once('exit', (code) => reject(new Error(`quire sim serve exited with ${code}`)));
  });
  try {
    return await work(url);
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    await exited;
  }
}

/** Runs the CLI to its end and times it. */
function timeCli({ cwd, args }) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [cli, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', OPENAI_API_KEY: 'sim' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stdout.resume();
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.once('error', reject);
    child.once('close', (code) =>
      resolve({ code, stderr, wallSeconds: (performance.now() - started) / 1000 }),
    );
  });
}

async function readLines(path) {
  const text = await readFile(path, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
}

function sum(values) {
  return values.reduce((total, value) => total + value, 0);
}

function round(value, digits = 1) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({
    options: {
      instructions: { type: 'string', default: '50' },
      concurrency: { type: 'string', default: '8' },
      ttft: { type: 'string', default: '400' },
      tps: { type: 'string', default: '60' },
      slots: { type: 'string', default: '8' },
      'min-words': { type: 'string', default: '150' },
      'max-words': { type: 'string', default: '400' },
    },
  });
  const result = await measureSftThroughput({
    instructions: Number(values.instructions),
    concurrency: Number(values.concurrency),
    ttftMs: Number(values.ttft),
    tps: Number(values.tps),
    slots: Number(values.slots),
    minWords: Number(values['min-words']),
    maxWords: Number(values['max-words']),
  });
  const file = join(here, 'results', `sft-throughput-${result.date.slice(0, 10)}.json`);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  const { settings, results } = result;
  console.log(
    `\nquire sft throughput: ${settings.instructions} instructions, --concurrency ${settings.concurrency}, sim server ttft ${settings.ttftMs} ms, ${settings.tps} tokens/s, ${settings.slots} slots`,
  );
  console.table({
    'written / rejected': `${results.written} / ${results.rejected}`,
    'accounted for': `${results.accounted} of ${settings.instructions}`,
    calls: results.calls,
    'output tokens': results.outputTokens,
    'wall time (s)': results.wallSeconds,
    'slot bound (s)': results.boundSeconds,
    'ratio (bound / wall)': results.ratio,
    'items / min': results.itemsPerMinute,
    'output tokens / s': results.outputTokensPerSecond,
  });
  console.log(
    `${results.pass ? 'pass' : 'FAIL'}: ratio ${results.ratio} (target ≥ ${target}); written to ${file}`,
  );
  if (!results.pass) process.exitCode = 1;
}
