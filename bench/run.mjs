#!/usr/bin/env node
// quire's benchmarks, side by side with the AgentWrite baseline: `npm run bench`.
//
//   node bench/run.mjs            the full run (about 10 minutes on 2 cores)
//   node bench/run.mjs --quick    a smaller subset (about a minute), for a smoke check
//   node bench/run.mjs --render bench/results/<date>.json
//                                 rewrite bench/README.md's tables from saved results
//
// Builds first when dist/ is older than src/. Every measurement drives the built CLI as users
// run it, against `quire sim serve` in its own process. Writes bench/results/<date>.json (a
// quick run: <date>-quick.json) and, after a full run, the tables in bench/README.md. What each
// figure means, and what cannot be measured here, is in bench/README.md.

import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { measureBatchThroughput } from './lib/batch-throughput.mjs';
import { measureCliStart } from './lib/cli-start.mjs';
import { ensureBuild } from './lib/ensure-build.mjs';
import { measureEvaluators } from './lib/evaluator-speed.mjs';
import { measureLengthAdaptation } from './lib/length-adaptation.mjs';
import { measureParallelDrafting } from './lib/parallel-drafting.mjs';
import { benchDirectory } from './lib/paths.mjs';
import { measurePromptCost } from './lib/prompt-cost.mjs';
import { measureQualityLevels } from './lib/quality-levels.mjs';
import { measureQueueScaling } from './lib/queue-scaling.mjs';
import { renderResults } from './lib/render-results.mjs';
import { measureSftInputMemory } from './lib/sft-input-memory.mjs';
import { checkTargets } from './lib/targets.mjs';
import { updateReadme } from './lib/update-readme.mjs';
import { measureWallTime } from './lib/wall-time.mjs';

/** What each scale measures. The full one is what bench/README.md reports. */
const scales = {
  full: {
    promptCost: { sizes: [5_000, 10_000, 20_000, 50_000] },
    wallTime: { words: 10_000, ttftMs: 400, tps: 60, slots: 8 },
    batchThroughput: {
      instructions: 50,
      ttftMs: 400,
      tps: 60,
      slots: 8,
      minWords: 150,
      maxWords: 400,
    },
    evaluators: { words: 100_000, runs: 3 },
    cliStart: { runs: 10 },
    sftInputMemory: { sizes: [20_000, 200_000], groupRows: 5_000 },
    lengthAdaptation: { ceilings: [120, 250, 400], sizes: [10_000, 20_000] },
    // A GPU server with a 30B-class model: 1 s to the first token, 40 tokens a second per stream.
    // The model is the bottleneck, as with a real server, not the sim's and quire's CPU.
    queueScaling: {
      instructions: 48,
      workers: [1, 2, 4],
      slots: 4,
      ttftMs: 1000,
      tps: 40,
      words: 150,
    },
    // Every --quality level on one request, defects planted in a fifth of the sections.
    qualityLevels: { words: 20_000, seeds: [3, 7, 11], defects: 0.2, ttftMs: 200, tps: 1000 },
    parallelDrafting: { words: 20_000, parallel: 8, ttftMs: 400, tps: 60, slots: 8 },
  },
  quick: {
    promptCost: { sizes: [5_000, 10_000] },
    wallTime: { words: 2_000, ttftMs: 400, tps: 200, slots: 8 },
    batchThroughput: {
      instructions: 16,
      ttftMs: 400,
      tps: 200,
      slots: 8,
      minWords: 150,
      maxWords: 300,
    },
    evaluators: { words: 20_000, runs: 1 },
    cliStart: { runs: 5 },
    sftInputMemory: { sizes: [2_000, 20_000], groupRows: 1_000 },
    lengthAdaptation: { ceilings: [250], sizes: [10_000] },
    queueScaling: {
      instructions: 16,
      workers: [1, 2, 4],
      slots: 4,
      ttftMs: 400,
      tps: 200,
      words: 150,
    },
    qualityLevels: { words: 3_000, seeds: [3], defects: 0.2, ttftMs: 200, tps: 1000 },
    parallelDrafting: { words: 4_000, parallel: 8, ttftMs: 400, tps: 200, slots: 8 },
  },
};

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    render: { type: 'string' },
    keep: { type: 'boolean', default: false },
    only: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(
    'usage: node bench/run.mjs [--quick] [--keep] [--only promptCost,wallTime,batchThroughput,evaluators,cliStart,sftInputMemory,lengthAdaptation,queueScaling,qualityLevels,parallelDrafting]\n       node bench/run.mjs --render bench/results/<file>.json',
  );
  process.exit(0);
}
const readmePath = join(benchDirectory, 'README.md');
if (values.render) {
  const results = JSON.parse(await readFile(values.render, 'utf8'));
  await updateReadme({ path: readmePath, markdown: renderResults(results) });
  console.log(`bench/README.md rewritten from ${values.render}`);
  process.exit(0);
}

const scaleName = values.quick ? 'quick' : 'full';
const scale = scales[scaleName];
const build = ensureBuild();
const workDirectory = await mkdtemp(join(tmpdir(), 'quire-bench-'));
const started = performance.now();
const measurements = {};
const timings = {};

// --only runs some measurements, to work on them: it prints their figures and saves nothing.
const only = values.only?.split(',');

/** Runs one measurement; a failure is recorded and reported, and the others still run. */
async function measure(name, title, work) {
  if (only && !only.includes(name)) return;
  console.log(`bench: ${title}…`);
  const begun = performance.now();
  try {
    measurements[name] = await work();
  } catch (error) {
    measurements[name] = { error: error instanceof Error ? error.message : String(error) };
    console.error(`bench: ${title} failed: ${measurements[name].error}`);
  }
  timings[name] = Number(((performance.now() - begun) / 1000).toFixed(1));
}

try {
  await measure('promptCost', 'prompt cost, bounded vs full', () =>
    measurePromptCost({ ...scale.promptCost, workDirectory }),
  );
  await measure('wallTime', 'wall time against the physical limit', () =>
    measureWallTime({ ...scale.wallTime, workDirectory }),
  );
  await measure('batchThroughput', 'batch throughput (quire sft)', () =>
    measureBatchThroughput(scale.batchThroughput),
  );
  await measure('evaluators', 'rule-based evaluators', () => measureEvaluators(scale.evaluators));
  await measure('cliStart', 'CLI start', () => measureCliStart(scale.cliStart));
  await measure('sftInputMemory', 'reading a large SFT input (Parquet)', () =>
    measureSftInputMemory(scale.sftInputMemory),
  );
  await measure('lengthAdaptation', 'length at N words per reply, adaptive vs fixed', () =>
    measureLengthAdaptation({ ...scale.lengthAdaptation, workDirectory }),
  );
  await measure('queueScaling', 'quire sft --queue with 1, 2 and 4 workers', () =>
    measureQueueScaling(scale.queueScaling),
  );
  await measure('qualityLevels', 'every --quality level, on planted defects', () =>
    measureQualityLevels({ ...scale.qualityLevels, workDirectory }),
  );
  await measure('parallelDrafting', 'quire write --parallel 8 against sequential, same plan', () =>
    measureParallelDrafting({ ...scale.parallelDrafting, workDirectory }),
  );
} finally {
  if (!values.keep) await rm(workDirectory, { recursive: true, force: true });
}

if (only) {
  console.log(JSON.stringify({ measurements, timings }, null, 2));
  process.exit(Object.values(measurements).some((value) => value?.error) ? 1 : 0);
}

const date = new Date().toISOString();
const file = `${date.slice(0, 10)}${scaleName === 'quick' ? '-quick' : ''}.json`;
const results = {
  benchmark: 'quire',
  scale: scaleName,
  date,
  file,
  durationSeconds: Number(((performance.now() - started) / 1000).toFixed(1)),
  machine: {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model?.trim() ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
  },
  build,
  settings: scale,
  timings,
  targets: checkTargets({ measurements, full: scaleName === 'full' }),
  measurements,
};
await mkdir(join(benchDirectory, 'results'), { recursive: true });
await writeFile(join(benchDirectory, 'results', file), `${JSON.stringify(results, null, 2)}\n`);
if (scaleName === 'full')
  await updateReadme({ path: readmePath, markdown: renderResults(results) });

console.log(`\nquire bench (${scaleName}) in ${results.durationSeconds} s`);
console.table(
  Object.fromEntries(
    results.targets.map((target) => [
      target.id,
      { measured: target.measured, target: target.target, status: target.status },
    ]),
  ),
);
console.log(
  `written: bench/results/${file}${scaleName === 'full' ? ' and the tables of bench/README.md' : ''}${values.keep ? `; run directories kept in ${workDirectory}` : ''}`,
);
const failures = Object.entries(measurements).filter(([, value]) => value?.error);
if (failures.length > 0) {
  console.error(
    `bench: ${failures.length} measurement(s) failed: ${failures.map(([name]) => name).join(', ')}`,
  );
  process.exitCode = 1;
}
