import { type ChildProcess, spawn } from 'node:child_process';
import { cliEnvironment } from './cli-environment.js';
import { cliPath } from './run-cli.js';

/** A CLI process started in the background, with what it has printed so far. */
export interface SpawnedCli {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal's name) when the process ends. */
  exited: Promise<number | string>;
}

/** Starts the built CLI without waiting for it, for tests that kill or signal it mid-way. */
export function spawnCli({
  args,
  cwd,
  env = {},
}: {
  args: string[];
  cwd: string;
  env?: Record<string, string>;
}): SpawnedCli {
  const child = spawn(process.execPath, [cliPath, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...cliEnvironment, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk) => {
    out += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    err += chunk;
  });
  const exited = new Promise<number | string>((resolve) => {
    child.on('close', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
  return { child, stdout: () => out, stderr: () => err, exited };
}
