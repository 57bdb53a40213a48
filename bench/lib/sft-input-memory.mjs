// Peak memory of reading a large `quire sft` input: Parquet files of increasing size, generated
// here in a temp folder, read by the built `readSftInstructions` exactly as `quire sft` reads them
// (the whole-file check, then the stream of instructions the batch pulls from), each in its own
// process so its peak RSS is its own. Peak RSS with Node's default heap grows with the file
// because V8 collects lazily while memory is plentiful, so each file is also read under a small
// fixed heap (`heapCapMb`): flat memory means every size fits the same cap, and the live heap
// left after a full collection (the ids kept for deduplication and resuming) stays small. A
// whole-file read of the largest file (hyparquet's `parquetReadObjects`) is the baseline of what
// not streaming costs; under the same cap it runs out of memory.

import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileWriter, parquetWriteRows } from 'hyparquet-writer';
import { rootDirectory } from './paths.mjs';

const run = promisify(execFile);

// 4,096 made-up words from syllables, picked pseudo-randomly: text that compresses about as
// well as prose does, so the file's size on disk is a fair one for its rows.
const syllables = [
  'ta',
  'ren',
  'mo',
  'sil',
  'ka',
  'dor',
  'e',
  'lin',
  'vu',
  'ast',
  'po',
  'gri',
  'na',
  'thel',
  'o',
  'mir',
];
const vocabulary = Array.from(
  { length: 4096 },
  (_, index) => syllables[index & 15] + syllables[(index >> 4) & 15] + syllables[(index >> 8) & 15],
);

/** A sentence of `count` words, the same for the same `seed`. */
function sentence(seed, count) {
  let state = (seed * 2654435761) >>> 0;
  const picked = [];
  for (let index = 0; index < count; index++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    picked.push(vocabulary[state >>> 20]);
  }
  return picked.join(' ');
}

/** Writes `rows` chat records (a 30-word instruction, a 150-word answer) in row groups of `groupRows`. */
async function writeInput({ path, rows, groupRows }) {
  const text = { type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' };
  await parquetWriteRows({
    writer: fileWriter(path),
    columns: [{ name: 'messages' }, { name: 'source' }],
    schema: [
      { name: 'root', num_children: 2 },
      { name: 'messages', repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
      { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
      { name: 'element', repetition_type: 'OPTIONAL', num_children: 2 },
      { name: 'role', ...text },
      { name: 'content', ...text },
      { name: 'source', ...text },
    ],
    rowGroupSize: groupRows,
    rows: (function* () {
      for (let row = 0; row < rows; row++) {
        yield {
          messages: [
            { role: 'user', content: `Write about ${sentence(row, 30)} (${row}).` },
            { role: 'assistant', content: sentence(row + 1, 150) },
          ],
          source: 'bench',
        };
      }
    })(),
  });
}

/** Runs `script` in a fresh Node process with `flags` and returns what it printed, parsed. */
async function inChild({ script, path, flags = [] }) {
  const { stdout } = await run(
    process.execPath,
    [...flags, '--input-type=module', '-e', script, path],
    { cwd: rootDirectory, maxBuffer: 1 << 20 },
  );
  return JSON.parse(stdout);
}

/** Whether `script` runs out of memory under a heap of `heapCapMb`. */
async function outOfMemory({ script, path, heapCapMb }) {
  try {
    await inChild({ script, path, flags: [`--max-old-space-size=${heapCapMb}`] });
    return false;
  } catch (error) {
    if (/heap out of memory|Allocation failed/i.test(String(error.stderr))) return true;
    throw error;
  }
}

const streamed = `
import { readSftInstructions } from './dist/sft/read-sft-instructions.js';
const started = performance.now();
const file = await readSftInstructions({ path: process.argv[1] });
let read = 0;
for await (const instruction of file.read()) read++;
const seconds = (performance.now() - started) / 1000;
globalThis.gc?.();
console.log(JSON.stringify({ instructions: read, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, liveHeapMb: process.memoryUsage().heapUsed / 2 ** 20 }));
`;

const whole = `
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
const started = performance.now();
const rows = await parquetReadObjects({ file: await asyncBufferFromFile(process.argv[1]), compressors, columns: ['messages'] });
console.log(JSON.stringify({ instructions: rows.length, seconds: (performance.now() - started) / 1000, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
`;

/**
 * Measures the peak RSS of reading Parquet inputs of each of `sizes` rows (row groups of
 * `groupRows`), streamed as `quire sft` reads them, with Node's default heap and under a heap
 * of `heapCapMb`, and, for the largest, whole. Returns a JSON-able object.
 */
export async function measureSftInputMemory({
  sizes = [20_000, 200_000],
  groupRows = 5_000,
  heapCapMb = 96,
} = {}) {
  const folder = await mkdtemp(join(tmpdir(), 'quire-sft-input-'));
  const capped = [`--max-old-space-size=${heapCapMb}`];
  try {
    const files = [];
    for (const rows of sizes) {
      const path = join(folder, `input-${rows}.parquet`);
      await writeInput({ path, rows, groupRows });
      const read = await inChild({ script: streamed, path, flags: ['--expose-gc'] });
      const underCap = await inChild({ script: streamed, path, flags: capped });
      for (const each of [read, underCap]) {
        if (each.instructions !== rows)
          throw new Error(`read ${each.instructions} of ${rows} rows`);
      }
      files.push({
        rows,
        fileMb: round((await stat(path)).size / 2 ** 20),
        peakRssMb: round(read.peakRssMb),
        cappedPeakRssMb: round(underCap.peakRssMb),
        liveHeapMb: round(read.liveHeapMb),
        seconds: round(read.seconds, 2),
        rowsPerSecond: Math.round(rows / read.seconds),
        path,
      });
    }
    const largest = files.at(-1);
    const smallest = files[0];
    const baseline = await inChild({ script: whole, path: largest.path });
    return {
      groupRows,
      heapCapMb,
      files: files.map(({ path: _path, ...rest }) => rest),
      wholeRead: {
        rows: largest.rows,
        peakRssMb: round(baseline.peakRssMb),
        seconds: round(baseline.seconds, 2),
        outOfMemoryUnderCap: await outOfMemory({ script: whole, path: largest.path, heapCapMb }),
      },
      largestToSmallestCappedRss: round(largest.cappedPeakRssMb / smallest.cappedPeakRssMb, 2),
      streamedToWholeRss: round(largest.peakRssMb / baseline.peakRssMb, 2),
      command: `node bench/sft-input-memory.mjs --rows ${sizes.join(',')} --group-rows ${groupRows} --heap-cap ${heapCapMb}`,
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

function round(value, digits = 1) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
