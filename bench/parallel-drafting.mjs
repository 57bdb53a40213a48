// Benchmark of parallel drafting (not a test). Build first: `npm run build`.
//
//   node bench/parallel-drafting.mjs [--words 20000] [--parallel 8]
//
// A `--words`-word document written with `--parallel N` and then sequentially on the same plan,
// against `quire sim serve --ttft 400ms --tps 60 --slots 8` (see lib/parallel-drafting.mjs for
// what is reported). Results go to bench/results/parallel-drafting-<date>.json.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { measureParallelDrafting } from './lib/parallel-drafting.mjs';
import { benchDirectory } from './lib/paths.mjs';

const { values } = parseArgs({
  options: {
    words: { type: 'string', default: '20000' },
    parallel: { type: 'string', default: '8' },
  },
});
const workDirectory = await mkdtemp(join(tmpdir(), 'quire-bench-parallel-'));
try {
  const measured = await measureParallelDrafting({
    words: Number(values.words),
    parallel: Number(values.parallel),
    ttftMs: 400,
    tps: 60,
    slots: 8,
    workDirectory,
  });
  const results = {
    benchmark: 'parallel-drafting',
    date: new Date().toISOString(),
    machine: {
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model?.trim() ?? 'unknown',
    },
    ...measured,
  };
  const file = join(
    benchDirectory,
    'results',
    `parallel-drafting-${results.date.slice(0, 10)}.json`,
  );
  await mkdir(join(benchDirectory, 'results'), { recursive: true });
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(JSON.stringify(results, null, 2));
} finally {
  await rm(workDirectory, { recursive: true, force: true });
}
