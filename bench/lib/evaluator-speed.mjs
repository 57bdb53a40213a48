import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { benchDirectory } from './paths.mjs';

const run = promisify(execFile);
const script = join(benchDirectory, 'evaluators.mjs');

/** The evaluators bench/evaluators.mjs times, as it names them. */
export const evaluatorNames = [
  'tokenize (baseline)',
  'countWords',
  'length',
  'repetition',
  'constraints',
  'all (evaluateDocument)',
];

/**
 * Speed and peak memory of the rule-based evaluators on a document of `words` words, measured
 * by bench/evaluators.mjs: one child process per evaluator (`--only`), so each peak RSS is its
 * own; the median of `runs` runs. Each median is also given as a multiple of the baseline's,
 * one tokenizing pass over the same document in the same run (`perBaseline`).
 */
export async function measureEvaluators({ words, runs }) {
  const results = [];
  for (const name of evaluatorNames) {
    const args = [script, '--only', name, '--words', String(words), '--runs', String(runs)];
    const { stdout } = await run(process.execPath, args, { maxBuffer: 1 << 20 });
    results.push(JSON.parse(stdout));
  }
  const baselineMs = results[0]?.medianMs ?? Number.NaN;
  for (const result of results) {
    result.perBaseline = Number((result.medianMs / baselineMs).toFixed(2));
  }
  return {
    command: `node bench/evaluators.mjs --words ${words} --runs ${runs}`,
    words,
    runs,
    results,
  };
}
