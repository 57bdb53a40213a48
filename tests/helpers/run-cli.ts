import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cliEnvironment } from './cli-environment.js';

/** Path of the built CLI entry, as `npx quire` runs it. */
export const cliPath = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url));

/** What a finished CLI process left behind. */
export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built CLI as a user would, with a clean environment (no API keys, no colours) plus
 * `env`. Resolves when the process exits.
 */
export function runCli({
  args,
  cwd,
  env = {},
  input,
  // Under the suite's 120 s test limit, so a stuck process is killed and its output shown.
  timeoutMs = 110_000,
}: {
  args: string[];
  cwd?: string;
  env?: Record<string, string>;
  input?: string;
  timeoutMs?: number;
}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', ...cliEnvironment, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    child.stdin.end(input ?? '');
  });
}
