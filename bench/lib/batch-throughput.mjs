import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchDirectory } from './paths.mjs';
import { simServeCommand } from './sim-process.mjs';

/** Where the `quire sft` throughput measurement lives (it is also a script of its own). */
const sftBenchmark = join(benchDirectory, 'sft-throughput.mjs');

/**
 * Batch throughput: `quire sft` on `instructions` items against a server with `slots` slots,
 * through `measureSftThroughput` of bench/sft-throughput.mjs (which documents its bound:
 * Σ over calls (ttft + output / tps) ÷ slots). Reported: items per minute and bound ÷ wall,
 * the share of the server's capacity quire kept busy. When that module is missing, says so
 * instead of measuring something else.
 */
export async function measureBatchThroughput({
  instructions,
  ttftMs,
  tps,
  slots,
  minWords,
  maxWords,
}) {
  if (!existsSync(sftBenchmark)) {
    return { status: 'not-available', reason: 'bench/sft-throughput.mjs is not in this tree' };
  }
  const { measureSftThroughput } = await import(pathToFileURL(sftBenchmark).href);
  const measured = await measureSftThroughput({
    instructions,
    concurrency: slots,
    ttftMs,
    tps,
    slots,
    minWords,
    maxWords,
  });
  const { results, settings } = measured;
  return {
    status: 'measured',
    server: simServeCommand([
      '--ttft',
      `${ttftMs}ms`,
      '--tps',
      String(tps),
      '--slots',
      String(slots),
    ]),
    command: `quire sft instructions.jsonl --out data.jsonl --concurrency ${slots} --model openai:sim --base-url <sim-url>`,
    script: `node bench/sft-throughput.mjs --instructions ${instructions} --concurrency ${slots} --ttft ${ttftMs} --tps ${tps} --slots ${slots} --min-words ${minWords} --max-words ${maxWords}`,
    settings,
    definition: measured.definition,
    ...results,
  };
}
