// Benchmark of `quire sim serve` (not a test). Build first: `npm run build`.
//
//   node bench/sim-server.mjs [--seconds 5] [--concurrency 8]
//
// 1. Throughput: requests/s and completion tokens/s sustained by `--concurrency` streams with
//    the latency knobs at zero.
// 2. Latency knobs: time to first token and tokens/s as measured by a client (median of the
//    concurrent streams, after one warm-up round), against what the server was configured
//    with; each must land within 10%.
// The server runs as its own process, as users run it, so client and server do not share a
// thread. Results go to bench/results/sim-server-<date>.json and a table is printed.

import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, '..', 'dist', 'cli', 'bin.js');
const tolerance = 0.1;

const settings = readArguments(process.argv.slice(2), { seconds: 5, concurrency: 8 });
const latencyCases = [
  { ttftMs: 300, tps: 80, words: 150 },
  { ttftMs: 1000, tps: 40, words: 80 },
];

const throughput = await withServer([], (url) => measureThroughput({ url, ...settings }));
const latency = [];
for (const { ttftMs, tps, words } of latencyCases) {
  const flags = ['--ttft', `${ttftMs}ms`, '--tps', String(tps), '--noise', '0'];
  const streams = await withServer(flags, async (url) => {
    // One untimed round first: a fresh process spends its first tens of milliseconds compiling.
    await streamsOf({ url, words: 5, label: 'warm-up' });
    return streamsOf({ url, words, label: 'lighthouse' });
  });
  const measuredTtft = median(streams.map((stream) => stream.ttftMs));
  const measuredTps = median(streams.map((stream) => stream.tokensPerSecond));
  latency.push({
    configured: { ttftMs, tps },
    measured: { ttftMs: round(measuredTtft), tps: round(measuredTps) },
    error: { ttft: round(measuredTtft / ttftMs - 1, 4), tps: round(measuredTps / tps - 1, 4) },
    withinTolerance:
      Math.abs(measuredTtft / ttftMs - 1) <= tolerance &&
      Math.abs(measuredTps / tps - 1) <= tolerance,
    streams: streams.length,
  });
}

const results = {
  benchmark: 'sim-server',
  date: new Date().toISOString(),
  machine: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown' },
  settings: { ...settings, tolerance },
  throughput,
  latency,
};
const file = join(here, 'results', `sim-server-${results.date.slice(0, 10)}.json`);
await mkdir(dirname(file), { recursive: true });
await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);

console.log(
  `\nsim server throughput (${settings.concurrency} concurrent streams, zero latency, ${settings.seconds} s)`,
);
console.table({
  'requests/s': throughput.requestsPerSecond,
  'completion tokens/s': throughput.tokensPerSecond,
  'chunks/s': throughput.chunksPerSecond,
  requests: throughput.requests,
});
console.log('latency knobs, configured vs measured (median of the streams)');
console.table(
  latency.map((row) => ({
    'ttft set (ms)': row.configured.ttftMs,
    'ttft measured': row.measured.ttftMs,
    'tps set': row.configured.tps,
    'tps measured': row.measured.tps,
    'within 10%': row.withinTolerance,
  })),
);
console.log(`written to ${file}`);
if (!latency.every((row) => row.withinTolerance)) process.exitCode = 1;

/** Starts `quire sim serve --port 0` with `flags`, runs `work` against its URL, stops it. */
async function withServer(flags, work) {
  const child = spawn(process.execPath, [cli, 'sim', 'serve', '--port', '0', ...flags], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]);
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

/** `concurrency` streams at once, each asking for `words` words. */
function streamsOf({ url, words, label }) {
  return Promise.all(
    Array.from({ length: settings.concurrency }, (_, index) =>
      timeStream({ url, prompt: `Write ${words} words on ${label} number ${index}.` }),
    ),
  );
}

/** Keeps `concurrency` streams busy for `seconds` and counts what came back. */
async function measureThroughput({ url, seconds, concurrency }) {
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  let requests = 0;
  let tokens = 0;
  let chunks = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let index = 0; performance.now() < deadline; index++) {
        const stream = await timeStream({
          url,
          prompt: `Write about 400 words on harbour ${worker}-${index}.`,
        });
        requests++;
        tokens += stream.completionTokens;
        chunks += stream.chunks;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return {
    requests,
    seconds: round(elapsed, 2),
    requestsPerSecond: round(requests / elapsed),
    tokensPerSecond: round(tokens / elapsed),
    chunksPerSecond: round(chunks / elapsed),
  };
}

/**
 * One streamed chat completion read as raw server-sent events. Tokens per second counts the
 * tokens after the first delta (the server's pacing starts there), shared out by characters as
 * the server does, over the time from the first delta to the last.
 */
async function timeStream({ url, prompt }) {
  const sent = performance.now();
  const response = await fetch(`${url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'sim',
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: 'user', content: prompt }],
    }),
  });
  if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
  const decoder = new TextDecoder();
  let buffer = '';
  let first;
  let last;
  let firstCharacters = 0;
  let characters = 0;
  let chunks = 0;
  let completionTokens = 0;
  for await (const bytes of response.body) {
    buffer += decoder.decode(bytes, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf('\n\n');
      const data = event.replace(/^data: /, '');
      if (data === '[DONE]') continue;
      const chunk = JSON.parse(data);
      if (chunk.usage) completionTokens = chunk.usage.completion_tokens;
      const content = chunk.choices?.[0]?.delta?.content;
      if (!content) continue;
      chunks++;
      const now = performance.now();
      if (first === undefined) {
        first = now;
        firstCharacters = content.length;
      }
      last = now;
      characters += content.length;
    }
  }
  const pacedTokens = (completionTokens * (characters - firstCharacters)) / Math.max(1, characters);
  return {
    ttftMs: (first ?? sent) - sent,
    tokensPerSecond: pacedTokens / Math.max(0.001, ((last ?? sent) - (first ?? sent)) / 1000),
    completionTokens,
    chunks,
  };
}

function median(values) {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 0
    ? ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
    : (sorted[middle] ?? 0);
}

function round(value, digits = 1) {
  return Number(value.toFixed(digits));
}

function readArguments(args, defaults) {
  const values = { ...defaults };
  for (let index = 0; index < args.length; index += 2) {
    const name = args[index]?.replace(/^--/, '');
    const value = Number(args[index + 1]);
    if (!(name in defaults) || !Number.isFinite(value) || value <= 0) {
      throw new Error(
        `usage: node bench/sim-server.mjs [--seconds N] [--concurrency N], got ${args.join(' ')}`,
      );
    }
    values[name] = value;
  }
  return values;
}
