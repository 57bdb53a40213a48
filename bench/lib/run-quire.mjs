import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliPath } from './paths.mjs';

const probe = new URL('./cpu-probe.mjs', import.meta.url).href;

/**
 * Runs the built CLI with `args` in `cwd`, as a user would (clean environment plus `env`), and
 * measures it: wall time from spawn to exit, the CPU time the process itself spent (through a
 * `--import`ed probe, so the CLI's code is untouched), and, with `--json`, the NDJSON events it
 * printed. Resolves when the process exits; never rejects on a non-zero exit.
 */
export async function runQuire({ args, cwd, env = {} }) {
  const scratch = await mkdtemp(join(tmpdir(), 'quire-bench-cpu-'));
  const cpuFile = join(scratch, 'cpu.json');
  const started = performance.now();
  const result = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', probe, cliPath, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', QUIRE_BENCH_CPU_FILE: cpuFile, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
  const wallSeconds = (performance.now() - started) / 1000;
  const cpu = JSON.parse(await readFile(cpuFile, 'utf8').catch(() => 'null'));
  await rm(scratch, { recursive: true, force: true });
  return {
    ...result,
    wallSeconds,
    cpuSeconds: cpu === null ? undefined : (cpu.userMicros + cpu.systemMicros) / 1e6,
    events: result.stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line)),
  };
}

/** `run` must have exited 0; otherwise throws with its last stderr line. */
export function expectSuccess(run, what) {
  if (run.code === 0) return;
  const line = run.stderr.trim().split('\n').at(-1) ?? '';
  throw new Error(`${what} exited with ${run.code}: ${line}`);
}
