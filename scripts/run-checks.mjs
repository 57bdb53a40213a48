#!/usr/bin/env node
// The checks before the tests, at once: `npm test` runs `node scripts/run-checks.mjs` first.
//
// The build, the typecheck and the lint are independent single-threaded jobs, so on a machine of
// two or more cores they take as long as the slowest of them instead of their sum. Each job's
// output is shown in one piece when it ends, never interleaved; the script exits 1 when any job
// failed, after all of them have ended.

import { spawn } from 'node:child_process';

const jobs = ['build', 'typecheck', 'lint'];

/** Runs `npm run <script>`, collecting its output; resolves with its exit code and output. */
function run(script) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.once('error', (error) => resolve({ script, code: 1, output: String(error) }));
    child.once('close', (code) => resolve({ script, code: code ?? 1, output }));
  });
}

const results = await Promise.all(
  jobs.map(async (script) => {
    const started = performance.now();
    const result = await run(script);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `${result.output}npm run ${script}: ${result.code === 0 ? 'ok' : `failed (exit ${result.code})`} in ${seconds} s\n`,
    );
    return result;
  }),
);
process.exitCode = results.some((result) => result.code !== 0) ? 1 : 0;
