// Peak memory of reading a large `quire sft` input: generated Parquet files of each size, read
// streamed as `quire sft` reads them and, for the largest, whole as a baseline. See
// bench/lib/sft-input-memory.mjs. Needs `npm run build` first; prints the table and writes
// bench/results/sft-input-memory-<date>.json.

import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchDirectory } from './lib/paths.mjs';
import { sftInputMemoryTable } from './lib/render-results.mjs';
import { measureSftInputMemory } from './lib/sft-input-memory.mjs';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '20000,200000' },
    'group-rows': { type: 'string', default: '5000' },
    'heap-cap': { type: 'string', default: '96' },
  },
});
const measurement = await measureSftInputMemory({
  sizes: values.rows.split(',').map(Number),
  groupRows: Number(values['group-rows']),
  heapCapMb: Number(values['heap-cap']),
});
const date = new Date().toISOString();
const result = {
  benchmark: 'sft-input-memory',
  date,
  machine: {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model?.trim() ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
  },
  measurement,
};
const file = join(benchDirectory, 'results', `sft-input-memory-${date.slice(0, 10)}.json`);
await mkdir(join(benchDirectory, 'results'), { recursive: true });
await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
console.log(sftInputMemoryTable(measurement).join('\n'));
console.log(`written to ${file}`);
