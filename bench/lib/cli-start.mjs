import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { cliPath } from './paths.mjs';

const run = promisify(execFile);

/**
 * Start-up cost of the CLI: the median wall time of `quire --help` over `runs` runs, next to the
 * median of a bare `node -e ""` measured in the same loop (interleaved, so both see the same
 * machine load). Their ratio says what quire adds to Node's own start.
 */
export async function measureCliStart({ runs }) {
  const quire = [];
  const node = [];
  // One untimed round of each: the first start pays for cold file caches.
  await time([cliPath, '--help']);
  await time(['-e', '']);
  for (let index = 0; index < runs; index++) {
    quire.push(await time([cliPath, '--help']));
    node.push(await time(['-e', '']));
  }
  const quireMs = median(quire);
  const nodeMs = median(node);
  return {
    command: 'quire --help',
    baseline: 'node -e ""',
    runs,
    quireMs: round(quireMs),
    nodeMs: round(nodeMs),
    ratioToNode: round(quireMs / nodeMs, 2),
    addedMs: round(quireMs - nodeMs),
  };
}

async function time(args) {
  const started = performance.now();
  await run(process.execPath, args);
  return performance.now() - started;
}

function median(values) {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 0 ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle];
}

function round(value, digits = 1) {
  return Number(value.toFixed(digits));
}
